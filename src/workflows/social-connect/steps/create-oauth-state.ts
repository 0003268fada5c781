import * as oauth from "oauth4webapi"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { redirectUriFor } from "../../../modules/social-connect/config"
import { sealCodeVerifier } from "../../../modules/social-connect/sealing"
import { STATE_TTL_MS } from "../../../modules/social-connect/types"
import { connectableProvider, resolveConnect } from "./resolve-connect"

export const CREATE_OAUTH_STATE_STEP = "create-social-oauth-state"

/** Stores a fresh state (and PKCE verifier) for this admin and builds the platform's authorization URL. */
export const createOAuthStateStep = createStep(
  CREATE_OAUTH_STATE_STEP,
  async (input: { provider: string; user_id: string }, { container }) => {
    const { provider, flow, clientId } = connectableProvider(container, input.provider)
    const connect = resolveConnect(container)
    const state = oauth.generateRandomState()
    const verifier = flow.pkce ? oauth.generateRandomCodeVerifier() : null
    const redirectUri = redirectUriFor(connect.config, provider)
    const row = await connect.createSocialOAuthStates({
      state,
      provider,
      user_id: input.user_id,
      code_verifier: verifier ? sealCodeVerifier(state, verifier) : null,
      redirect_uri: redirectUri,
      expires_at: new Date(Date.now() + STATE_TTL_MS),
    })
    const authorizationUrl = flow.authorizationUrl({
      endpoints: connect.config,
      clientId,
      redirectUri,
      state,
      codeChallenge: verifier ? await oauth.calculatePKCECodeChallenge(verifier) : undefined,
    })
    return new StepResponse({ authorization_url: authorizationUrl }, row.id)
  },
  async (id, { container }) => {
    if (id) await resolveConnect(container).deleteSocialOAuthStates(id)
  }
)
