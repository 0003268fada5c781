import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { startSocialConnectionWorkflow } from "../../../../../workflows/social-connect/start-social-connection"

/** "Connect" clicked: `{ authorization_url }` to send the browser to (state bound to this admin, 10 minutes, single use). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await startSocialConnectionWorkflow(req.scope).run({ input: { provider: req.params.provider, user_id: req.auth_context.actor_id } })
  res.json(result)
}
