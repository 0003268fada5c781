import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { openPendingAccount } from "../../../modules/social-connect/sealing"
import type { SocialPlatform } from "../../../modules/socials/platforms/catalog"
import type { StoredApiConfig } from "../../../modules/socials/utils/api-config"
import { resolveSocials } from "../../steps/resolve-socials"
import { resolveConnect } from "./resolve-connect"

export type ConnectChosenAccountsInput = { connection_id: string; user_id: string; keys: string[] }

type Undo = { created: string[]; updated: Record<string, unknown>[] }

export const CONNECT_CHOSEN_ACCOUNTS_STEP = "connect-chosen-social-accounts"

/**
 * The picker's choice: unknown keys are refused before anything is written; the
 * pending connection is consumed once; a chosen account already connected gets
 * the new token and `active` (a reconnect keeps its posts), others are created.
 */
export const connectChosenAccountsStep = createStep(
  CONNECT_CHOSEN_ACCOUNTS_STEP,
  async (input: ConnectChosenAccountsInput, { container }) => {
    const connect = resolveConnect(container)
    const socials = resolveSocials(container)
    const pending = await connect.readPendingConnection(input.connection_id, input.user_id)
    const byKey = new Map(pending.accounts.map((a) => [a.key, a]))
    const unknown = input.keys.filter((k) => !byKey.has(k))
    if (unknown.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not an account of this connection: ${unknown.join(", ")}.`, "unknown_account_key")
    }
    await connect.consumePendingConnection(input.connection_id)
    const undo: Undo = { created: [], updated: [] }
    const platforms: Record<string, unknown>[] = []
    for (const key of [...new Set(input.keys)]) {
      const account = byKey.get(key)!
      const { accessToken, refreshToken } = openPendingAccount(input.connection_id, account)
      const apiConfig = { access_token: accessToken, refresh_token: refreshToken, token_expires_at: account.token_expires_at, auth_type: account.auth_type }
      const provider = account.provider as SocialPlatform
      const [existing] = await socials.listSocialPlatforms({ provider, account_id: account.account_id }, { take: 1 })
      if (existing) {
        undo.updated.push({ id: existing.id, name: existing.name, status: existing.status, api_config: existing.api_config })
        const sealed = socials.sealApiConfig(apiConfig, existing.id, existing.api_config as StoredApiConfig | null)
        platforms.push(await socials.updateSocialPlatforms({ id: existing.id, name: account.name, status: "active", api_config: sealed }))
      } else {
        const created = await socials.createSocialPlatforms({
          name: account.name,
          provider,
          account_id: account.account_id,
          status: "active",
          metadata: { connected_via: "oauth", username: account.username },
          ...socials.sealForNewPlatform(apiConfig),
        })
        undo.created.push(created.id)
        platforms.push(created)
      }
    }
    return new StepResponse(platforms, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const socials = resolveSocials(container)
    if (undo.created.length) await socials.deleteSocialPlatforms(undo.created)
    for (const previous of undo.updated) await socials.updateSocialPlatforms(previous)
  }
)
