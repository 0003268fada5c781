import { describe, expect, it } from "vitest"
import { byPriority, cadenceIntervalHours, planAccount, type PlanPost } from "../budget-planner"
import { estimateSyncUnits } from "../sync-cost"
import { cadenceTiers } from "../cadence-tiers"

const HOUR = 3_600_000
const now = new Date("2026-03-01T12:00:00Z")
const ago = (h: number) => new Date(now.getTime() - h * HOUR)

function post(id: string, ageHours: number, waitingHours: number, extra: Partial<PlanPost> = {}): PlanPost {
  return { id, postedAt: ago(ageHours), syncedAt: ago(waitingHours + 1), nextSyncAt: ago(waitingHours), ...extra }
}

/** One unit per post on one key, as Meta books a batch item per post. */
const perPost = (key: string) => (posts: PlanPost[]) => new Map([[key, posts.length]])

describe("budget planner", () => {
  it("orders young posts first by cadence, then the longest waiting", () => {
    const posts = [post("old-long", 20 * 24, 48), post("young", 2, 0.1), post("week", 3 * 24, 5), post("old-short", 20 * 24, 1)]
    expect(byPriority(posts, now).map((p) => p.id)).toEqual(["young", "week", "old-long", "old-short"])
    expect(cadenceIntervalHours(post("x", 200 * 24, 1), now)).toBe(Infinity)
  })

  it("takes the prefix the remaining budget covers and defers the rest to when units return", () => {
    const posts = [post("a", 20 * 24, 10), post("b", 20 * 24, 9), post("young", 1, 0.2), post("c", 20 * 24, 8)]
    const plan = planAccount(posts, [{ key: "k", remaining: 2, returnsInMs: 30 * 60_000 }], perPost("k"), now)
    expect(plan.take).toEqual(["young", "a"])
    expect(plan.defer).toEqual([
      { id: "b", next_sync_at: new Date(now.getTime() + 30 * 60_000) },
      { id: "c", next_sync_at: new Date(now.getTime() + 30 * 60_000) },
    ])
  })

  it("takes everything within budget, nothing when none is left, and waits for the budget that blocks", () => {
    const posts = [post("a", 30, 1), post("b", 30, 2)]
    expect(planAccount(posts, [{ key: "k", remaining: 5, returnsInMs: 1 }], perPost("k"), now)).toEqual({ take: ["b", "a"], defer: [] })
    const two = (ps: PlanPost[]) => new Map([["k", ps.length], ["other", ps.length * 10]])
    const plan = planAccount(posts, [{ key: "k", remaining: 5, returnsInMs: 1_000 }, { key: "other", remaining: 0, returnsInMs: 9_000 }], two, now)
    expect(plan.take).toEqual([])
    expect(plan.defer.map((d) => d.next_sync_at.getTime() - now.getTime())).toEqual([9_000, 9_000])
  })
})

describe("sync cost estimates", () => {
  it("Meta: one batch item per post", () => {
    expect(estimateSyncUnits("instagram", [post("a", 1, 1), post("b", 1, 1)], now)).toEqual(new Map([[undefined, 2]]))
  })

  it("X: one lookup per 100 posts; reply search pages for posts younger than 7 days with replies (or never synced)", () => {
    const posts = [
      ...Array.from({ length: 150 }, (_, i) => post(`old${i}`, 30 * 24, 1, { comments: 5 })),
      post("young-quiet", 24, 1, { comments: 0 }),
      post("young-busy", 24, 1, { comments: 250 }),
      post("young-new", 2, 1),
    ]
    expect(estimateSyncUnits("twitter", posts, now)).toEqual(
      new Map([
        ["tweets-lookup", 2],
        ["search-recent", 3 + 1],
      ])
    )
  })

  it("LinkedIn: statistics for both URN kinds and socialMetadata per 50, comment pages, two video calls", () => {
    const posts = [
      ...Array.from({ length: 51 }, (_, i) => post(`p${i}`, 50, 1, { comments: 0 })),
      post("video", 50, 1, { comments: 0, mediaType: "video" }),
      post("talked", 50, 1, { comments: 101 }),
    ]
    expect(estimateSyncUnits("linkedin", posts, now)).toEqual(new Map([[undefined, 3 * 2 + 2 + 2]]))
  })

  it("Threads: a media read and an insights call per post, one replies page unless the stored count is 0", () => {
    const posts = [post("new", 1, 1), post("talked", 30, 1, { comments: 250 }), post("quiet", 30, 1, { comments: 0 })]
    expect(estimateSyncUnits("threads", posts, now)).toEqual(new Map([[undefined, 3 * 2 + 2]]))
  })
})

describe("cadence tiers", () => {
  it("the cadence's age steps as publication ranges, youngest first, then the rest with unknown ages", () => {
    const at = (h: number) => ago(h).toISOString()
    expect(cadenceTiers(now)).toEqual([
      { after: at(24) },
      { after: at(24 * 7), before: at(24) },
      { after: at(24 * 30), before: at(24 * 7) },
      { after: at(24 * 90), before: at(24 * 30) },
      { before: at(24 * 90), include_unknown: true },
    ])
  })
})
