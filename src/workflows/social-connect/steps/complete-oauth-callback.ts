import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, generateEntityId } from "@medusajs/framework/utils"
import { readAuthorizationResponse } from "../../../modules/social-connect/callback-params"
import { openCodeVerifier, sealPendingAccounts } from "../../../modules/social-connect/sealing"
import { PENDING_TTL_MS, type PendingAccount } from "../../../modules/social-connect/types"
import { createConnectHttp } from "../../../modules/socials/platforms/connect/connect-http"
import { isPlatformApiError } from "../../../modules/socials/platforms/http/platform-api-error"
import { connectableProvider, resolveConnect } from "./resolve-connect"

export type CompleteOAuthCallbackInput = { provider: string; user_id: string; query: Record<string, string> }

export const COMPLETE_OAUTH_CALLBACK_STEP = "complete-social-oauth-callback"

/**
 * The platform's redirect: consume the state (owner, age, single use), read the
 * code or the refusal, exchange it and discover the accounts, and keep them
 * (tokens sealed) as a pending connection for the picker.
 */
export const completeOAuthCallbackStep = createStep(
  COMPLETE_OAUTH_CALLBACK_STEP,
  async (input: CompleteOAuthCallbackInput, { container }) => {
    const { provider, flow, clientId, clientSecret } = connectableProvider(container, input.provider)
    const state = input.query.state
    if (!state) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The callback carries no state: start the connection again.", "missing_state")
    const connect = resolveConnect(container)
    const consumed = await connect.consumeState(state, provider, input.user_id)
    const code = readAuthorizationResponse(new URLSearchParams(input.query), state, clientId, flow.label)
    const http = createConnectHttp({ timeoutMs: connect.config.requestTimeoutMs })
    let discovered
    try {
      discovered = await flow.discover({ endpoints: connect.config, clientId, clientSecret, code, redirectUri: consumed.redirect_uri, codeVerifier: consumed.code_verifier ? openCodeVerifier(state, consumed.code_verifier) : null, http })
    } catch (e) {
      if (isPlatformApiError(e)) {
        const why = e.detail ? `: ${e.detail}` : ""
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `${flow.label} refused the authorization${why}. Start the connection again.`, "code_refused")
      }
      throw e
    }
    const id = generateEntityId(undefined, "soconn")
    const accounts: PendingAccount[] = sealPendingAccounts(id, discovered)
    await connect.createSocialPendingConnections({ id, provider, user_id: input.user_id, accounts: accounts as unknown as Record<string, unknown>, expires_at: new Date(Date.now() + PENDING_TTL_MS) })
    return new StepResponse({ connection_id: id, provider, accounts }, id)
  },
  async (id, { container }) => {
    if (id) await resolveConnect(container).deleteSocialPendingConnections(id)
  }
)
