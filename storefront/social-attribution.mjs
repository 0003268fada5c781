// Storefront helper of medusa-plugin-social-insights: remembers the social post a
// shopper came from and writes it into the cart's metadata, where the plugin reads
// it when the order is placed (see docs/attribution.md). Plain ES module, no
// dependencies, no framework: works with Medusa's Next.js starter, any SPA or a
// <script type="module">. Stores nothing personal: post id, platform, campaign and
// the time of the click, in the shopper's own browser.

export const STORAGE_KEY = "medusa_social_click"
export const DEFAULT_WINDOW_DAYS = 7
const DAY_MS = 86_400_000
const POST_ID = /^socpost_[0-9A-Za-z]{10,40}$/
const MAX_VALUE_LENGTH = 200

function clean(value) {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_VALUE_LENGTH ? value : undefined
}

function defaultStorage() {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage
  } catch {
    // Storage can throw when cookies are blocked: the helper then does nothing.
    return undefined
  }
}

/**
 * Reads utm_* from a landing URL. Returns the click (and keeps it in storage) when
 * it is a tracked social link: utm_medium=social and utm_content a social post id.
 * A later tracked click replaces an earlier one (the last click wins).
 */
export function captureSocialClick(options = {}) {
  const { storage = defaultStorage(), now = Date.now() } = options
  const href = options.url ?? (typeof location === "undefined" ? undefined : location.href)
  if (!href) return null
  let params
  try {
    params = new URL(String(href)).searchParams
  } catch {
    return null
  }
  const content = clean(params.get("utm_content"))
  if (params.get("utm_medium") !== "social" || !content || !POST_ID.test(content)) {
    return null
  }
  const click = {
    utm_source: clean(params.get("utm_source")) ?? "",
    utm_medium: "social",
    utm_campaign: clean(params.get("utm_campaign")) ?? "",
    utm_content: content,
    utm_clicked_at: new Date(now).toISOString(),
  }
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(click))
  } catch {
    // Full or blocked storage: attribution is best effort, the shop must not break.
  }
  return click
}

/** The stored click if it is still within the attribution window; an expired one is forgotten. */
export function readSocialClick(options = {}) {
  const { storage = defaultStorage(), now = Date.now(), windowDays = DEFAULT_WINDOW_DAYS } = options
  let click
  try {
    click = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "null")
  } catch {
    return null
  }
  const clickedAt = click && typeof click.utm_clicked_at === "string" ? Date.parse(click.utm_clicked_at) : NaN
  if (!click || !POST_ID.test(String(click.utm_content)) || Number.isNaN(clickedAt)) {
    return null
  }
  if (now - clickedAt > windowDays * DAY_MS) {
    try {
      storage?.removeItem(STORAGE_KEY)
    } catch {
      // ignore: nothing to clean up
    }
    return null
  }
  return click
}

/**
 * Writes the current click into the cart's metadata (Medusa merges metadata keys,
 * so other keys are kept). Pass the JS SDK (`sdk`) or `baseUrl` + `publishableKey`
 * (uses fetch). Resolves to the metadata written, or null when there is no click.
 * Never throws: a failed update is returned as `{ error }` so checkout goes on.
 */
export async function attachSocialClickToCart(cartId, options = {}) {
  const click = readSocialClick(options)
  if (!click || !cartId) return null
  try {
    if (options.sdk) {
      await options.sdk.store.cart.update(cartId, { metadata: click })
    } else {
      const doFetch = options.fetch ?? globalThis.fetch
      const base = String(options.baseUrl ?? "").replace(/\/+$/, "")
      const response = await doFetch(`${base}/store/carts/${encodeURIComponent(cartId)}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-publishable-api-key": options.publishableKey ?? "" },
        credentials: "include",
        body: JSON.stringify({ metadata: click }),
      })
      if (!response.ok) return { error: `cart update answered ${response.status}` }
    }
    return click
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * Builds a tracked link to a storefront URL for a post (what the admin's link
 * generator does): utm_source = platform, utm_medium = social,
 * utm_campaign = campaign (default the post's name), utm_content = post id.
 */
export function buildTrackedLink(url, { postId, platform, campaign }) {
  const target = new URL(url)
  target.searchParams.set("utm_source", platform)
  target.searchParams.set("utm_medium", "social")
  target.searchParams.set("utm_campaign", campaign)
  target.searchParams.set("utm_content", postId)
  return target.toString()
}
