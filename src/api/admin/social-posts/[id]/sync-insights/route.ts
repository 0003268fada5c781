import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncPostInsightsWorkflow } from "../../../../../workflows/sync-post-insights"
import { resolveSocials } from "../../../../../workflows/steps/resolve-socials"
import { httpStatusForOutcome } from "../../../../utils/sync-outcome-http"
import { AdminSyncPostInsightsQueryType } from "../../validators"
import type { SyncPostInsightsResponse } from "../../../../../types/api"

/**
 * Syncs one post now. 200 for success and partial; otherwise a stable `code` with a
 * status that never is 401/403 (the dashboard would take those as its own logout).
 */
export const POST = async (req: AuthenticatedMedusaRequest<unknown, AdminSyncPostInsightsQueryType>, res: MedusaResponse<SyncPostInsightsResponse>) => {
  await resolveSocials(req.scope).retrieveSocialPost(req.params.id)
  const { force } = req.validatedQuery as AdminSyncPostInsightsQueryType
  const { result: outcome } = await syncPostInsightsWorkflow(req.scope).run({ input: { id: req.params.id, force } })

  const status = httpStatusForOutcome(outcome)
  if (status === 200) {
    const message =
      outcome.status === "partial"
        ? "Insights partially synced: some sections failed (see sync_errors)"
        : outcome.status === "skipped"
          ? "Insights are fresh: synced less than the freshness window ago (use ?force=true to sync anyway)"
          : "Insights synced successfully"
    return res.json({ message, insights: outcome.insights ?? null })
  }
  res.status(status).json({
    message: outcome.error ?? "Insights sync failed",
    code: outcome.code,
    ...(outcome.retryAfterMs !== undefined ? { retry_after: Math.ceil(outcome.retryAfterMs / 1000) } : {}),
  })
}
