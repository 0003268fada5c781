import { model } from "@medusajs/framework/utils"

/**
 * The accounts one consent discovered, waiting for the admin to pick which to
 * connect. Tokens in `accounts` are sealed (bound to this row and account key);
 * single use and short-lived like the state.
 */
export const SocialPendingConnection = model.define("social_pending_connection", {
  id: model.id({ prefix: "soconn" }).primaryKey(),
  provider: model.text(),
  user_id: model.text(),
  /** PendingAccount[] (see types.ts): public fields plus sealed tokens. */
  accounts: model.json(),
  expires_at: model.dateTime(),
  used_at: model.dateTime().nullable(),
})
