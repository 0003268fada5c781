import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ImportOptions } from "../../modules/socials/services/import-posts"
import { importPlatformPostsStep } from "./steps/import-platform-posts"

export const IMPORT_SOCIAL_POSTS_WORKFLOW = "import-social-posts"

/** "Import posts" on an account (and the hourly discovery): its published posts become social posts. */
export const importSocialPostsWorkflow = createWorkflow(IMPORT_SOCIAL_POSTS_WORKFLOW, (input: { platform_id: string } & ImportOptions) => {
  return new WorkflowResponse(importPlatformPostsStep(input))
})
