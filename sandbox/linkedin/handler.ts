import type { PlatformHandler } from "../types"

/** Placeholder until the LinkedIn emulation lands (owned by the X/LinkedIn helper). */
export const handleLinkedInRequest: PlatformHandler = () => ({
  status: 501,
  body: { status: 501, message: "LinkedIn emulation not written yet" },
})
