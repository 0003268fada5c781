import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { buildAttributionRowsStep, type BuildAttributionRowsInput } from "./steps/build-attribution-rows"
import { saveAttributionsStep } from "./steps/save-attributions"

export const ATTRIBUTE_ORDERS_WORKFLOW = "attribute-orders-to-social-posts"

/**
 * Credits orders to social posts (docs/attribution.md), or recomputes their
 * amounts after a cancellation, return or refund. Recomputed from the orders
 * themselves, so it is idempotent and serves subscribers and the reconcile job alike.
 */
export const attributeOrdersWorkflow = createWorkflow(ATTRIBUTE_ORDERS_WORKFLOW, (input: BuildAttributionRowsInput) => {
  const rows = buildAttributionRowsStep(input)
  const saved = saveAttributionsStep(rows)
  return new WorkflowResponse(saved)
})
