import { describe, expect, it } from "vitest"
import {
  attachSocialClickToCart,
  buildTrackedLink,
  captureSocialClick,
  readSocialClick,
  STORAGE_KEY,
} from "../../../../../storefront/social-attribution.mjs"
import { readTrackedClick } from "../tracked-click"

const POST = "socpost_01JABCDEFGHJKMNPQRSTVWXYZ0"
const DAY = 86_400_000

function memoryStorage() {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  }
}

describe("storefront helper", () => {
  const link = buildTrackedLink("https://shop.example.com/products/mug?color=red", { postId: POST, platform: "instagram", campaign: "Spring mug" })

  it("builds a tracked link that keeps the page's own parameters", () => {
    const url = new URL(link)
    expect(Object.fromEntries(url.searchParams)).toEqual({
      color: "red",
      utm_source: "instagram",
      utm_medium: "social",
      utm_campaign: "Spring mug",
      utm_content: POST,
    })
  })

  it("captures a landing click and writes metadata the server accepts", () => {
    const storage = memoryStorage()
    const now = Date.parse("2026-05-01T10:00:00Z")
    const click = captureSocialClick({ url: link, storage, now })
    expect(click).toMatchObject({ utm_content: POST, utm_clicked_at: "2026-05-01T10:00:00.000Z" })
    expect(readSocialClick({ storage, now: now + DAY })).toEqual(click)
    // What the helper writes is exactly what the server reads.
    expect(readTrackedClick(click)).toMatchObject({ post_id: POST, platform: "instagram" })
  })

  it("forgets a click older than the window and ignores untracked or tampered links", () => {
    const storage = memoryStorage()
    const now = Date.now()
    captureSocialClick({ url: link, storage, now: now - 8 * DAY })
    expect(readSocialClick({ storage, now })).toBeNull()
    expect(storage.map.has(STORAGE_KEY)).toBe(false)
    expect(captureSocialClick({ url: "https://shop.example.com/?utm_medium=email&utm_content=" + POST, storage })).toBeNull()
    expect(captureSocialClick({ url: "https://shop.example.com/?utm_medium=social&utm_content=<script>", storage })).toBeNull()
    expect(captureSocialClick({ url: "not a url", storage })).toBeNull()
    storage.setItem(STORAGE_KEY, "{not json")
    expect(readSocialClick({ storage })).toBeNull()
  })

  it("never throws when the cart update fails", async () => {
    const storage = memoryStorage()
    captureSocialClick({ url: link, storage })
    const failing = async () => {
      throw new Error("offline")
    }
    expect(await attachSocialClickToCart("cart_1", { storage, fetch: failing as unknown as typeof fetch, baseUrl: "http://x" })).toEqual({ error: "offline" })
    expect(await attachSocialClickToCart("cart_1", { storage: memoryStorage() })).toBeNull()
  })
})
