import type { PlatformHandler } from "../types"

/** Temporary: replaced by the Graph API emulation. */
export const handleMetaRequest: PlatformHandler = () => ({
  status: 501,
  body: { error: { message: "Meta emulation not written yet", type: "OAuthException", code: 1 } },
})
