import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { SOCIAL_CONNECT_MODULE } from "../../../modules/social-connect"
import type SocialConnectModuleService from "../../../modules/social-connect/service"
import { providerCredentials } from "../../../modules/social-connect/config"
import { CONNECT_FLOWS } from "../../../modules/social-connect/flows"
import { CONNECT_PROVIDERS, isConnectProvider, type ConnectProvider } from "../../../modules/social-connect/types"
import type { ConnectFlow } from "../../../modules/socials/platforms/connect/types"

export const resolveConnect = (container: Pick<MedusaContainer, "resolve">) => container.resolve<SocialConnectModuleService>(SOCIAL_CONNECT_MODULE)

/** A provider ready to connect, or a 400 saying what is unknown or what to set. */
export function connectableProvider(
  container: Pick<MedusaContainer, "resolve">,
  provider: string
): { provider: ConnectProvider; flow: ConnectFlow; clientId: string; clientSecret: string } {
  if (!isConnectProvider(provider)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown connect provider '${provider}' (known: ${CONNECT_PROVIDERS.join(", ")}).`, "unknown_provider")
  }
  const flow = CONNECT_FLOWS[provider]
  if (!flow) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Connecting ${provider} accounts is not supported yet.`, "provider_not_supported")
  const credentials = providerCredentials(resolveConnect(container).config, provider)
  if ("missing" in credentials) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${flow.label} is not configured: set ${credentials.missing.join(" and ")} (module options or environment), see docs/connecting-accounts.md.`,
      "provider_not_configured"
    )
  }
  return { provider, flow, ...credentials }
}
