import { describe, expect, it } from "vitest"
import { LINKEDIN_SEED_IDS } from "../linkedin/seed"
import { enc, liGet, list, usePinned } from "./x-linkedin-support"

const ID = LINKEDIN_SEED_IDS

describe("LinkedIn socialActions, comments and socialMetadata", () => {
  const p = usePinned(() => {
    p.sb.setOptions({ linkedin: {} })
  })

  it("GET socialActions/{urn}: the spec's example (45 likes, 8 comments) in the §5.3 shape", async () => {
    const res = await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`)
    expect(res.status).toBe(200)
    expect(Object.keys(res.body).sort()).toEqual(["commentsSummary", "likesSummary", "target"])
    expect(res.body.target).toBe(ID.example)
    expect(res.body.likesSummary).toMatchObject({ aggregatedTotalLikes: 45, totalLikes: 45, likedByCurrentUser: false })
    expect(res.body.likesSummary.selectedLikes[0]).toMatch(/^urn:li:like:\(urn:li:person:[^,]+,urn:li:ugcPost:7304968765245411329\)$/)
    expect(res.body.commentsSummary).toMatchObject({ totalFirstLevelComments: 8, aggregatedTotalComments: 8, commentsState: "OPEN" })
    expect(res.body.sharesSummary).toBeUndefined()
  })

  it("answers zeros for a post without activity", async () => {
    const res = await liGet(p.sb, `/rest/socialActions/${enc(ID.noActivity)}`)
    expect(res.status).toBe(200)
    expect(res.body.likesSummary).toEqual({ selectedLikes: [], aggregatedTotalLikes: 0, likedByCurrentUser: false, totalLikes: 0 })
    expect(res.body.commentsSummary.aggregatedTotalComments).toBe(0)
  })

  it("pages comments newest first with start/count (capped at 100) and paging links", async () => {
    const path = `/rest/socialActions/${enc(ID.manyComments)}/comments`
    const first = await liGet(p.sb, `${path}?start=0&count=500`)
    expect(first.status).toBe(200)
    expect(first.body.paging).toMatchObject({ start: 0, count: 100, total: 130 })
    expect(first.body.paging.links).toEqual([{ type: "application/json", rel: "next", href: `/rest/socialActions/${enc(ID.manyComments)}/comments?count=100&start=100` }])
    expect(first.body.elements).toHaveLength(100)
    const times = first.body.elements.map((c: { created: { time: number } }) => c.created.time)
    expect([...times].sort((a, b) => b - a)).toEqual(times)

    const c = first.body.elements[0]
    expect(c).toMatchObject({
      actor: expect.stringMatching(/^urn:li:person:/),
      created: { actor: c.actor, time: expect.any(Number) },
      id: expect.any(String),
      commentUrn: `urn:li:comment:(${ID.manyComments},${c.id})`,
      message: { text: expect.any(String), attributes: [] },
      likesSummary: expect.objectContaining({ totalLikes: expect.any(Number) }),
      commentsSummary: expect.objectContaining({ aggregatedTotalComments: expect.any(Number) }),
      object: ID.manyComments,
    })

    const second = await liGet(p.sb, `${path}?start=100&count=100`)
    expect(second.body.paging).toMatchObject({ start: 100, count: 100, total: 130 })
    expect(second.body.elements).toHaveLength(30)
    expect(second.body.paging.links.map((l: { rel: string }) => l.rel)).toEqual(["prev"])
    const ids = new Set([...first.body.elements, ...second.body.elements].map((e: { id: string }) => e.id))
    expect(ids.size).toBe(130)

    const bad = await liGet(p.sb, `${path}?count=-1`)
    expect(bad.status).toBe(400)
  })

  it("defaults comments to count 10 and honours commentsMaxCount", async () => {
    const path = `/rest/socialActions/${enc(ID.manyComments)}/comments`
    expect((await liGet(p.sb, path)).body.paging).toMatchObject({ start: 0, count: 10 })
    p.sb.setOptions({ linkedin: { commentsMaxCount: 50 } })
    expect((await liGet(p.sb, `${path}?count=100`)).body.elements).toHaveLength(50)
  })

  it("GET socialMetadata/{urn}: reaction breakdown without zero types (§5.4 shape)", async () => {
    const res = await liGet(p.sb, `/rest/socialMetadata/${enc(ID.example)}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      reactionSummaries: {
        LIKE: { reactionType: "LIKE", count: 30 },
        PRAISE: { reactionType: "PRAISE", count: 8 },
        EMPATHY: { reactionType: "EMPATHY", count: 4 },
        INTEREST: { reactionType: "INTEREST", count: 3 },
      },
      commentsState: "OPEN",
      commentSummary: { count: 8, topLevelCount: 8 },
      entity: ID.example,
    })
  })

  it("BATCH_GET socialMetadata?ids=List(...): results by URN, unknown and deleted under errors", async () => {
    const res = await liGet(p.sb, `/rest/socialMetadata?ids=${list([ID.example, ID.share, ID.unknown, ID.deleted])}`)
    expect(res.status).toBe(200)
    expect(Object.keys(res.body.results).sort()).toEqual([ID.example, ID.share].sort())
    expect(res.body.results[ID.share].entity).toBe(ID.share)
    expect(res.body.statuses).toEqual({})
    expect(Object.keys(res.body.errors).sort()).toEqual([ID.deleted, ID.unknown].sort())
    expect(res.body.errors[ID.unknown]).toMatchObject({ status: 404 })
  })

  it("BATCH_GET socialActions and the encoded-keys variant", async () => {
    p.sb.setOptions({ linkedin: { batchResultKeys: "encoded" } })
    const res = await liGet(p.sb, `/rest/socialActions?ids=${list([ID.example, ID.video])}`)
    expect(res.status).toBe(200)
    expect(Object.keys(res.body.results).sort()).toEqual([enc(ID.example), enc(ID.video)].sort())
    expect(res.body.results[enc(ID.example)].likesSummary.totalLikes).toBe(45)
  })

  it("the Development tier refuses BATCH_GET with 403 but serves single GETs", async () => {
    p.sb.setOptions({ linkedin: { tier: "development" } })
    const batch = await liGet(p.sb, `/rest/socialMetadata?ids=${list([ID.example])}`)
    expect(batch.status).toBe(403)
    expect(batch.body).toMatchObject({ status: 403, serviceErrorCode: 100, code: "ACCESS_DENIED" })
    expect((await liGet(p.sb, `/rest/socialMetadata/${enc(ID.example)}`)).status).toBe(200)
  })
})
