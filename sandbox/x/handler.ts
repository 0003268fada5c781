import type { PlatformHandler } from "../types"

/** Placeholder until the X emulation lands (owned by the X/LinkedIn helper). */
export const handleXRequest: PlatformHandler = () => ({
  status: 501,
  body: { title: "Not Implemented", detail: "X emulation not written yet", type: "about:blank", status: 501 },
})
