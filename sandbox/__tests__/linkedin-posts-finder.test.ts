import { describe, expect, it } from "vitest"
import { LINKEDIN_DEMO_TOKENS, LINKEDIN_SEED_IDS } from "../linkedin/seed"
import { enc, liGet, usePinned } from "./x-linkedin-support"

describe("LinkedIn GET /rest/posts?q=author (Posts finder)", () => {
  const p = usePinned((pinned) => pinned.sb.reset({ fixtures: true }))
  const org = () => p.sb.fixtures.tokens.find((t) => t.token === LINKEDIN_DEMO_TOKENS.member)!.account_id
  const own = () => p.sb.fixtures.linkedin.filter((x) => x.organization === org() && !x.deleted)

  it("lists the organization's posts newest first in Posts API shape, offset paging, a short last page and no total", async () => {
    const expected = own()
    expect(expected.length).toBeGreaterThan(3)
    const first = await liGet(p.sb, `/rest/posts?author=${enc(org())}&q=author&count=3&start=0`)
    expect(first.status).toBe(200)
    expect(first.body.paging).toEqual({ start: 0, count: 3, links: [] })
    expect(first.body.elements).toHaveLength(3)
    expect(first.body.elements[0]).toMatchObject({ id: expect.stringMatching(/^urn:li:(share|ugcPost):/), author: org(), lifecycleState: "PUBLISHED", createdAt: expect.any(Number) })
    const created = first.body.elements.map((e: { createdAt: number }) => e.createdAt)
    expect([...created].sort((a, b) => b - a)).toEqual(created)
    const ids: string[] = []
    for (let start = 0; ; start += 3) {
      const page = await liGet(p.sb, `/rest/posts?author=${enc(org())}&q=author&count=3&start=${start}`)
      ids.push(...page.body.elements.map((e: { id: string }) => e.id))
      if (page.body.elements.length < 3) break
    }
    expect(new Set(ids)).toEqual(new Set(expected.map((x) => x.urn)))
    expect(ids).not.toContain(LINKEDIN_SEED_IDS.deleted)
    expect(ids).not.toContain(LINKEDIN_SEED_IDS.otherOrganization)
  })

  it("a video post carries content.media; another organization is refused with 403; q is required", async () => {
    const all = await liGet(p.sb, `/rest/posts?author=${enc(org())}&q=author&count=100`)
    expect(all.body.elements.find((e: { id: string }) => e.id === LINKEDIN_SEED_IDS.video).content.media.id).toMatch(/^urn:li:video:/)
    const other = p.sb.fixtures.linkedin.find((x) => x.urn === LINKEDIN_SEED_IDS.otherOrganization)!.organization
    const denied = await liGet(p.sb, `/rest/posts?author=${enc(other)}&q=author`)
    expect(denied.status).toBe(403)
    expect(denied.body.message).toMatch(/FINDER-author/)
    expect((await liGet(p.sb, `/rest/posts?author=${enc(org())}`)).status).toBe(400)
  })
})
