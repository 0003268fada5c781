import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { providerCredentials } from "../../../../modules/social-connect/config"
import { CONNECT_FLOWS } from "../../../../modules/social-connect/flows"
import { CONNECT_PROVIDERS } from "../../../../modules/social-connect/types"
import { resolveConnect } from "../../../../workflows/social-connect/steps/resolve-connect"

/** The connect buttons: each provider, whether its app is configured, and what to set when not. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const config = resolveConnect(req.scope).config
  const providers = CONNECT_PROVIDERS.map((provider) => {
    const flow = CONNECT_FLOWS[provider]
    const credentials = providerCredentials(config, provider)
    const missing = "missing" in credentials ? credentials.missing : []
    return { provider, label: flow?.label ?? provider, supported: !!flow, configured: !!flow && missing.length === 0, missing, scopes: flow?.scopes ?? [] }
  })
  res.json({ providers })
}
