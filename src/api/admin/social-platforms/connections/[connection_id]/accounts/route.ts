import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { connectSocialAccountsWorkflow } from "../../../../../../workflows/social-connect/connect-social-accounts"
import { toPublicPlatform } from "../../../../../utils/serialize"
import type { AdminConnectAccountsBodyType } from "../../../connect/validators"

/** The picker's choice → `{ social_platforms }` (tokens sealed, never returned). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminConnectAccountsBodyType>, res: MedusaResponse) => {
  const { result } = await connectSocialAccountsWorkflow(req.scope).run({
    input: { connection_id: req.params.connection_id, user_id: req.auth_context.actor_id, keys: req.validatedBody.keys },
  })
  res.json({ social_platforms: result.map((p) => toPublicPlatform(p as unknown as Record<string, unknown>)) })
}
