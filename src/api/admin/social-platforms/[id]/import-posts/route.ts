import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importSocialPostsWorkflow } from "../../../../../workflows/social-connect/import-social-posts"
import type { AdminImportPostsBodyType } from "./validators"

/** `{ message, imported, updated, skipped, total, next_cursor }`: one paged, resumable run. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminImportPostsBodyType>, res: MedusaResponse) => {
  const { limit, since, cursor } = req.validatedBody
  const { result } = await importSocialPostsWorkflow(req.scope).run({
    input: { platform_id: req.params.id, limit, since: since ? new Date(since) : undefined, cursor },
  })
  res.json(result)
}
