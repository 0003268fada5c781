import { describe, expect, it } from "vitest"
import { LINKEDIN_SEED_IDS } from "../linkedin/seed"
import { DAY_MS, enc, liGet, list, NOW, usePinned } from "./x-linkedin-support"

const ID = LINKEDIN_SEED_IDS
const ORG = "urn:li:organization:90000001"
const STATS = `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${enc(ORG)}`
const video = (urn: string, type: string, aggregation = "ALL") =>
  `/rest/videoAnalytics?q=entity&entity=${enc(urn)}&type=${type}&aggregation=${aggregation}`

describe("LinkedIn share statistics and video analytics", () => {
  const p = usePinned(() => {
    p.sb.setOptions({ linkedin: {} })
  })

  it("answers per-post lifetime statistics with engagement = (clicks+likes+comments+shares)/impressions", async () => {
    const res = await liGet(p.sb, `${STATS}&ugcPosts=${list([ID.example])}`)
    expect(res.status).toBe(200)
    expect(res.body.paging).toMatchObject({ start: 0, links: [] })
    expect(res.body.elements).toHaveLength(1)
    const el = res.body.elements[0]
    expect(el.organizationalEntity).toBe(ORG)
    expect(el.ugcPost).toBe(ID.example)
    const s = el.totalShareStatistics
    expect(s).toMatchObject({ likeCount: 45, commentCount: 8, shareCount: 12 })
    expect(s.likeCount + s.commentCount + s.shareCount).toBe(65)
    expect(s.engagement).toBeCloseTo((s.clickCount + s.likeCount + s.commentCount + s.shareCount) / s.impressionCount, 12)
    expect(Object.keys(s).sort()).toEqual(["clickCount", "commentCount", "engagement", "impressionCount", "likeCount", "shareCount", "uniqueImpressionsCount"])
  })

  it("omits posts with zero activity and deleted posts from elements", async () => {
    const res = await liGet(p.sb, `${STATS}&shares=${list([ID.share, ID.noActivity, ID.deleted])}`)
    expect(res.status).toBe(200)
    expect(res.body.elements.map((e: { share: string }) => e.share)).toEqual([ID.share])
  })

  it("fails the call with 403 for a post of another organization or a URN in the wrong list", async () => {
    const other = await liGet(p.sb, `${STATS}&shares=${list([ID.share, ID.otherOrganization])}`)
    expect(other.status).toBe(403)
    expect(other.body).toEqual({
      status: 403,
      serviceErrorCode: 100,
      code: "ACCESS_DENIED",
      message: "Unpermitted fields present in PARAMETER: Data Processing Exception while processing fields [/shares[1]]",
    })
    const wrongType = await liGet(p.sb, `${STATS}&shares=${list([ID.example])}`)
    expect(wrongType.status).toBe(403)
    expect(wrongType.body.message).toContain("[/shares[0]]")
    const otherOrg = await liGet(p.sb, `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${enc("urn:li:organization:90000002")}`)
    expect(otherOrg.status).toBe(403)
  })

  it("rejects shares + ugcPosts in one call by default, merges them when allowed", async () => {
    const both = `${STATS}&shares=${list([ID.share])}&ugcPosts=${list([ID.example, ID.video])}`
    const rejected = await liGet(p.sb, both)
    expect(rejected.status).toBe(400)
    expect(rejected.body).toMatchObject({ status: 400, code: "ILLEGAL_ARGUMENT" })
    p.sb.setOptions({ linkedin: { shareStatisticsMixedUrns: "allow" } })
    const merged = await liGet(p.sb, both)
    expect(merged.status).toBe(200)
    expect(merged.body.elements.map((e: { share?: string; ugcPost?: string }) => e.share ?? e.ugcPost)).toEqual([ID.share, ID.example, ID.video])
  })

  it("answers the organization's lifetime aggregate without a List", async () => {
    const res = await liGet(p.sb, STATS)
    expect(res.status).toBe(200)
    expect(res.body.elements).toHaveLength(1)
    expect(res.body.elements[0].share).toBeUndefined()
    expect(res.body.elements[0].totalShareStatistics.likeCount).toBeGreaterThan(45)
  })

  it("videoAnalytics: one element per call for each of the four types", async () => {
    const expected = { VIDEO_VIEW: 870, VIEWER: 640, TIME_WATCHED: 5_220_000, TIME_WATCHED_FOR_VIDEO_VIEWS: 4_910_000 }
    for (const [type, value] of Object.entries(expected)) {
      const res = await liGet(p.sb, video(ID.video, type))
      expect(res.status).toBe(200)
      expect(res.body.elements).toEqual([{ value, type, entity: ID.video, timeRange: { start: NOW - 6 * DAY_MS, end: NOW } }])
    }
  })

  it("videoAnalytics: DAY buckets sum to the lifetime value; non-video posts have no elements", async () => {
    const days = await liGet(p.sb, video(ID.video, "VIDEO_VIEW", "DAY"))
    expect(days.body.elements).toHaveLength(6)
    expect(days.body.elements.reduce((sum: number, e: { value: number }) => sum + e.value, 0)).toBe(870)
    const none = await liGet(p.sb, video(ID.example, "VIDEO_VIEW"))
    expect(none.status).toBe(200)
    expect(none.body.elements).toEqual([])
  })

  it("videoAnalytics: exactly one known type, a valid aggregation, an encoded entity", async () => {
    for (const path of [
      `/rest/videoAnalytics?q=entity&entity=${enc(ID.video)}&type=VIDEO_VIEW&type=VIEWER&aggregation=ALL`,
      `/rest/videoAnalytics?q=entity&entity=${enc(ID.video)}&type=VIDEO_VIEW,VIEWER&aggregation=ALL`,
      `/rest/videoAnalytics?q=entity&entity=${enc(ID.video)}&type=IMPRESSIONS&aggregation=ALL`,
      `/rest/videoAnalytics?q=entity&entity=${enc(ID.video)}&type=VIDEO_VIEW`,
      `/rest/videoAnalytics?q=entity&type=VIDEO_VIEW&aggregation=ALL`,
    ]) {
      const res = await liGet(p.sb, path)
      expect(res.status).toBe(400)
    }
    expect((await liGet(p.sb, video(ID.unknown, "VIEWER"))).status).toBe(404)
    expect((await liGet(p.sb, video(ID.otherOrganization, "VIEWER"))).status).toBe(403)
  })
})
