import { describe, expect, it } from "vitest"
import { parseFields, stringifyFields } from "../meta/fields"
import { META_DEMO_TOKENS, META_SEED_IDS } from "../meta/seed"
import { buildSeed, DEMO_TOKENS, generateWorkload } from "../seed"
import { FIXED_NOW } from "./meta-support"

describe("fields parser", () => {
  it("parses nested edges with modifiers, sub-fields and aliases", () => {
    const specs = parseFields(
      "id, comments.limit(50){id,text,replies{id,text}},insights.metric(reach, views),reactions.type(LOVE).limit(0).summary(total_count).as(reactions_love)"
    )
    expect(specs.map((s) => s.alias ?? s.name)).toEqual(["id", "comments", "insights", "reactions_love"])
    expect(specs[1]).toMatchObject({ name: "comments", modifiers: { limit: "50" } })
    expect(specs[1].children?.map((c) => c.name)).toEqual(["id", "text", "replies"])
    expect(specs[1].children?.[2].children?.map((c) => c.name)).toEqual(["id", "text"])
    expect(specs[2].modifiers.metric).toBe("reach,views")
    expect(specs[3]).toMatchObject({ name: "reactions", alias: "reactions_love", modifiers: { type: "LOVE", limit: "0", summary: "total_count" } })
  })

  it("accepts modifiers after the sub-field list and line breaks", () => {
    const specs = parseFields("comments{id}.limit(5),\n  shares")
    expect(specs[0]).toMatchObject({ name: "comments", modifiers: { limit: "5" } })
    expect(specs[1].name).toBe("shares")
  })

  it("round-trips through stringifyFields", () => {
    const text = "id,comments.order(reverse_chronological).limit(100).summary(true){id,message,from},reactions.summary(total_count).limit(0)"
    expect(stringifyFields(parseFields(text))).toBe(text)
  })

  it.each(["id,", "comments{id", "insights.metric(reach", "a..b", "a{b}{c}"])("rejects %j", (text) => {
    expect(() => parseFields(text)).toThrow(/Syntax error/)
  })
})

describe("seed", () => {
  it("is deterministic for a seed and clock, different for another seed", () => {
    expect(buildSeed({ seed: 7, now: FIXED_NOW })).toEqual(buildSeed({ seed: 7, now: FIXED_NOW }))
    expect(buildSeed({ seed: 8, now: FIXED_NOW }).instagram).not.toEqual(buildSeed({ seed: 7, now: FIXED_NOW }).instagram)
  })

  it("holds the documented demo tokens and ids", () => {
    const seed = buildSeed({ now: FIXED_NOW })
    const tokens = seed.tokens.map((t) => t.token)
    for (const token of Object.values(META_DEMO_TOKENS)) expect(tokens).toContain(token)
    expect(DEMO_TOKENS.meta).toBe("meta-demo-token")
    for (const id of Object.values(META_SEED_IDS.instagram)) expect(seed.instagram.some((m) => m.id === id)).toBe(true)
    for (const id of Object.values(META_SEED_IDS.facebook)) expect(seed.facebook.some((p) => p.id === id)).toBe(true)
  })

  it("covers every case the sync code must handle", () => {
    const seed = buildSeed({ now: FIXED_NOW })
    const kinds = new Set(seed.instagram.map((m) => `${m.media_type}/${m.media_product_type}`))
    for (const kind of ["IMAGE/FEED", "CAROUSEL_ALBUM/FEED", "VIDEO/REELS", "IMAGE/STORY", "VIDEO/FEED"]) expect(kinds).toContain(kind)
    expect(seed.instagram.some((m) => m.hide_like_count)).toBe(true)
    expect(seed.instagram.some((m) => m.comments.length > 60)).toBe(true)
    expect(seed.instagram.some((m) => m.comments.some((c) => c.replies?.length))).toBe(true)
    expect(seed.facebook.some((p) => !p.shares)).toBe(true)
    expect(seed.facebook.some((p) => p.is_video)).toBe(true)
    expect(seed.facebook.some((p) => p.full_picture && !p.is_video)).toBe(true)
    expect(seed.facebook.some((p) => p.comments.length > 100)).toBe(true)
  })

  it("comment ids are unique across the whole seed", () => {
    const seed = buildSeed({ now: FIXED_NOW })
    const ids = [...seed.instagram, ...seed.facebook].flatMap((p) => p.comments.flatMap((c) => [c.id, ...(c.replies ?? []).map((r) => r.id)]))
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe("generateWorkload", () => {
  it("builds 10,000 Meta posts quickly with unique ids and working tokens", () => {
    const t0 = Date.now()
    const w = generateWorkload({ seed: 3, instagram: 5000, facebook: 5000, accounts: 4, now: FIXED_NOW })
    expect(Date.now() - t0).toBeLessThan(3000)
    expect(w.instagram).toHaveLength(5000)
    expect(w.facebook).toHaveLength(5000)
    expect(new Set(w.instagram.map((m) => m.id)).size).toBe(5000)
    expect(new Set(w.facebook.map((p) => p.id)).size).toBe(5000)
    expect(w.accounts.meta.pages).toHaveLength(4)
    const owners = new Set(w.instagram.map((m) => m.owner_id))
    expect(owners.size).toBe(4)
    for (const page of w.accounts.meta.pages) {
      const token = w.tokens.find((t) => t.token === page.token)
      expect(token).toMatchObject({ family: "meta", account_id: page.id, linked_account_ids: [page.instagram_id] })
    }
    // No collision with the default data set, so it can be added on top of it.
    const seed = buildSeed({ now: FIXED_NOW })
    const seedIds = new Set([...seed.instagram.map((m) => m.id), ...seed.facebook.map((p) => p.id), ...seed.tokens.map((t) => t.token)])
    expect([...w.instagram.map((m) => m.id), ...w.facebook.map((p) => p.id), ...w.tokens.map((t) => t.token)].some((id) => seedIds.has(id))).toBe(false)
  })

  it("is deterministic", () => {
    const a = generateWorkload({ seed: 5, instagram: 50, facebook: 50, now: FIXED_NOW })
    const b = generateWorkload({ seed: 5, instagram: 50, facebook: 50, now: FIXED_NOW })
    expect(a).toEqual(b)
  })
})
