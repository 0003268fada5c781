import Medusa from "@medusajs/js-sdk"

/** The one SDK instance of the admin extensions: same origin, session auth like the dashboard. */
export const sdk = new Medusa({
  baseUrl: typeof window !== "undefined" ? window.location.origin : "/",
  debug: false,
  auth: { type: "session" },
})
