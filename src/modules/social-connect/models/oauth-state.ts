import { model } from "@medusajs/framework/utils"

/**
 * One "Connect" click: the random `state` sent to the platform, the PKCE verifier
 * kept server-side, and who asked. Single use (`used_at`), expires after 10 minutes.
 */
export const SocialOAuthState = model
  .define("social_oauth_state", {
    id: model.id({ prefix: "soauth" }).primaryKey(),
    /** From oauth4webapi's generateRandomState; what the platform echoes back. */
    state: model.text().unique(),
    /** Connect provider: meta, x, linkedin, threads. */
    provider: model.text(),
    /** The admin user who clicked; a callback carrying another user's session is refused. */
    user_id: model.text(),
    /** PKCE code verifier (X), sealed with the token key and bound to `state`; never leaves the server. */
    code_verifier: model.text().nullable(),
    /** The exact redirect_uri sent, so the token exchange repeats it byte for byte. */
    redirect_uri: model.text(),
    expires_at: model.dateTime(),
    /** Set by the one callback that consumed it. */
    used_at: model.dateTime().nullable(),
  })
