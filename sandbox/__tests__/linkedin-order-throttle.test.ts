import { describe, expect, it } from "vitest"
import { LINKEDIN_SEED_IDS } from "../linkedin/seed"
import { enc, liGet, NOW, usePinned } from "./x-linkedin-support"

const ID = LINKEDIN_SEED_IDS
const COMMENTS = `/rest/socialActions/${enc(ID.manyComments)}/comments`

async function allTimes(p: ReturnType<typeof usePinned>): Promise<number[]> {
  const first = await liGet(p.sb, `${COMMENTS}?start=0&count=100`)
  const second = await liGet(p.sb, `${COMMENTS}?start=100&count=100`)
  return [...first.body.elements, ...second.body.elements].map((e: { created: { time: number } }) => e.created.time)
}

describe("LinkedIn comment order and 429 bodies (both UNCONFIRMED / reported variants)", () => {
  const p = usePinned(() => {
    p.sb.setOptions({ linkedin: {}, rateLimits: true })
    p.sb.reset()
    p.clock.now = NOW
  })

  it("commentsOrder: newest-first by default, oldest-first, or a fixed shuffle; every comment once", async () => {
    const newest = await allTimes(p)
    expect(newest).toEqual([...newest].sort((a, b) => b - a))
    p.sb.setOptions({ linkedin: { commentsOrder: "oldest-first" } })
    const oldest = await allTimes(p)
    expect(oldest).toEqual([...newest].reverse())
    p.sb.setOptions({ linkedin: { commentsOrder: "unordered" } })
    const shuffled = await allTimes(p)
    expect(shuffled).not.toEqual(newest)
    expect(shuffled).not.toEqual(oldest)
    expect([...shuffled].sort()).toEqual([...newest].sort())
    expect(await allTimes(p)).toEqual(shuffled)
  })

  it("throttleBody code-101: a 429 with serviceErrorCode 101 that does not say the limit is daily, no headers", async () => {
    p.sb.setOptions({ linkedin: { dailyMemberLimit: 0, throttleBody: "code-101" } })
    const res = await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`)
    expect(res.status).toBe(429)
    expect(res.body).toMatchObject({ status: 429, serviceErrorCode: 101 })
    expect(res.body.message).not.toMatch(/DAY/)
    expect([...res.headers.keys()].filter((k) => k.includes("rate") || k === "retry-after")).toEqual([])
  })
})
