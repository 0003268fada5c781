import * as oauth from "oauth4webapi"
import { MedusaError } from "@medusajs/framework/utils"

const CANCELLED = new Set(["access_denied", "user_cancelled_authorize", "user_cancelled_login", "user_denied"])

/**
 * The platform's redirect, read by oauth4webapi (state check, `error` parameter,
 * missing code). A refusal becomes a 400 naming it; the code is returned otherwise.
 */
export function readAuthorizationResponse(params: URLSearchParams, expectedState: string, clientId: string, label: string): string {
  const cleaned = new URLSearchParams(params)
  // Threads (and Meta's `#_=_`) may glue a fragment marker to the code.
  const code = cleaned.get("code")
  if (code) cleaned.set("code", code.replace(/#_=?_?$/, ""))
  try {
    const validated = oauth.validateAuthResponse({ issuer: "https://platform.invalid" }, { client_id: clientId }, cleaned, expectedState)
    const value = validated.get("code")
    if (!value) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${label} sent no authorization code.`, "missing_code")
    return value
  } catch (e) {
    if (e instanceof oauth.AuthorizationResponseError) {
      if (CANCELLED.has(e.error) || e.cause.get("error_reason") === "user_denied") {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `You cancelled the connection to ${label}: nothing was connected.`, "connection_cancelled")
      }
      const detail = e.error_description ? `: ${e.error_description.slice(0, 200)}` : ""
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${label} refused the connection (${e.error.slice(0, 60)})${detail}.`, "platform_refused")
    }
    if (e instanceof MedusaError) throw e
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${label}'s redirect is not a valid authorization response: ${e instanceof Error ? e.message : String(e)}`, "invalid_callback")
  }
}
