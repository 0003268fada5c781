import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveConnect } from "../../../../../workflows/social-connect/steps/resolve-connect"
import { publicAccounts } from "../public-accounts"

/** The picker reads what a consent discovered (this admin's, unused, unexpired). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const pending = await resolveConnect(req.scope).readPendingConnection(req.params.connection_id, req.auth_context.actor_id)
  res.json({ connection_id: req.params.connection_id, provider: pending.provider, accounts: await publicAccounts(req.scope, pending.accounts) })
}
