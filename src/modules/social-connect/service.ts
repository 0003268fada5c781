import { InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import { SocialOAuthState, SocialPendingConnection } from "./models"
import type { PendingAccount } from "./types"
import { readSocialsOptions } from "../socials/utils/module-options"
import { resolveConnectConfig, type ConnectConfig } from "./config"

export type ConsumedState = { provider: string; code_verifier: string | null; redirect_uri: string }

const bad = (message: string, code: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message, code)

// One statement: two callbacks racing on one state (a double-clicked redirect) cannot both win.
const CONSUME = (table: string) => `
  update ${table} set used_at = now(), updated_at = now()
  where id = ? and used_at is null and expires_at > now() and deleted_at is null
  returning id`

/**
 * OAuth states and pending connections. Both are single use: `consume*` checks
 * owner, provider, age and use, then marks the row used in one conditional update.
 */
class SocialConnectModuleService extends MedusaService({ SocialOAuthState, SocialPendingConnection }) {
  /** App credentials and endpoints: this module's options over the socials module's, then the environment. */
  readonly config: ConnectConfig

  constructor(container: Record<string, unknown>, options: Record<string, unknown> = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.config = resolveConnectConfig({ ...readSocialsOptions(), ...options })
  }

  /** The state row for a callback, consumed; every refusal names its reason and consumes nothing. */
  @InjectTransactionManager()
  async consumeState(state: string, provider: string, userId: string, @MedusaContext() sharedContext: Context = {}): Promise<ConsumedState> {
    const [row] = await this.listSocialOAuthStates({ state }, { take: 1 }, sharedContext)
    if (!row) throw bad("Unknown connection state: start the connection again from the Platforms page.", "unknown_state")
    if (row.provider !== provider) throw bad(`This state was issued for ${row.provider}, not ${provider}.`, "state_provider_mismatch")
    if (row.user_id !== userId) throw bad("This connection was started by another admin user.", "state_user_mismatch")
    if (row.used_at) throw bad("This connection state was already used: start the connection again.", "state_used")
    if (new Date(row.expires_at).getTime() <= Date.now()) throw bad("This connection state expired (10 minutes): start the connection again.", "state_expired")
    await this.consumeRow("social_oauth_state", row.id, sharedContext, "This connection state was already used: start the connection again.")
    return { provider: row.provider, code_verifier: row.code_verifier ?? null, redirect_uri: row.redirect_uri }
  }

  /** A pending connection of this user, not consumed (the picker reads it, the choice consumes it). */
  async readPendingConnection(id: string, userId: string): Promise<{ provider: string; accounts: PendingAccount[] }> {
    const [row] = await this.listSocialPendingConnections({ id }, { take: 1 })
    if (!row || row.user_id !== userId) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Connection ${id} was not found: connect the account again.`, "unknown_connection")
    }
    if (row.used_at) throw bad(`Connection ${id} was already used: connect again to pick other accounts.`, "connection_used")
    if (new Date(row.expires_at).getTime() <= Date.now()) throw bad(`Connection ${id} expired: connect the account again.`, "connection_expired")
    return { provider: row.provider, accounts: row.accounts as unknown as PendingAccount[] }
  }

  @InjectTransactionManager()
  async consumePendingConnection(id: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.consumeRow("social_pending_connection", id, sharedContext, `Connection ${id} was already used: connect again to pick other accounts.`)
  }

  private async consumeRow(table: string, id: string, sharedContext: Context, usedMessage: string): Promise<void> {
    const em = sharedContext.transactionManager as SqlEntityManager
    const rows = (await em.execute(CONSUME(table), [id])) as unknown[]
    if (!Array.isArray(rows) || rows.length !== 1) throw bad(usedMessage, "already_used")
  }
}

export default SocialConnectModuleService
