import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { completeSocialConnectionWorkflow } from "../../../../../../workflows/social-connect/complete-social-connection"
import { publicAccounts } from "../../../connections/public-accounts"

/** Where the admin's account picker lives (admin route social-posts/platforms/connect). */
const PICKER_PATH = "/app/social-posts/platforms/connect"

/**
 * The platform redirects the browser here. JSON callers (Accept: application/json)
 * get `{ connection_id, accounts }` or a 4xx naming the problem; a browser is sent
 * to the picker, which shows the accounts or the same message.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  // A browser's navigation asks for text/html; API clients ask for JSON.
  const accept = req.headers.accept ?? ""
  const wantsJson = accept.includes("application/json") && !accept.includes("text/html")
  const query = Object.fromEntries(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === "string"))
  try {
    const { result } = await completeSocialConnectionWorkflow(req.scope).run({ input: { provider: req.params.provider, user_id: req.auth_context.actor_id, query } })
    if (!wantsJson) return res.redirect(303, `${PICKER_PATH}?connection_id=${encodeURIComponent(result.connection_id)}`)
    res.json({ connection_id: result.connection_id, accounts: await publicAccounts(req.scope, result.accounts) })
  } catch (e) {
    // The workflow engine rethrows a copy: recognise it by its marker, not its class.
    if (wantsJson || !MedusaError.isMedusaError(e)) throw e
    const params = new URLSearchParams({ error: e.message, ...(e.code ? { code: e.code } : {}) })
    res.redirect(303, `${PICKER_PATH}?${params}`)
  }
}
