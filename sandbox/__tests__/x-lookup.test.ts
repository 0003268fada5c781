import { describe, expect, it } from "vitest"
import { X_DEMO_TOKENS, X_SEED_IDS } from "../x/seed"
import { usePinned, xGet } from "./x-linkedin-support"

const ID = X_SEED_IDS
const NOT_FOUND_TYPE = "https://api.twitter.com/2/problems/resource-not-found"

describe("X GET /2/tweets and /2/tweets/:id", () => {
  const p = usePinned()

  it("answers the spec's example metrics in public_metrics", async () => {
    const res = await xGet(p.sb, `/2/tweets/${ID.example}?tweet.fields=public_metrics,created_at,conversation_id,author_id`)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({
      id: ID.example,
      conversation_id: ID.example,
      public_metrics: { like_count: 85, reply_count: 12, retweet_count: 20, quote_count: 5, impression_count: 3500 },
    })
    const m = res.body.data.public_metrics
    expect(m.retweet_count + m.quote_count).toBe(25)
    expect(res.body.data.created_at).toBe(new Date(Date.parse(res.body.data.created_at)).toISOString())
    expect(res.body.errors).toBeUndefined()
  })

  it("returns found posts in data and unknown/deleted ids in errors[] with HTTP 200", async () => {
    const ids = [ID.example, ID.deleted, ID.photo, ID.unknown]
    const res = await xGet(p.sb, `/2/tweets?ids=${ids.join(",")}&tweet.fields=public_metrics`)
    expect(res.status).toBe(200)
    expect(res.body.data.map((t: { id: string }) => t.id)).toEqual([ID.example, ID.photo])
    expect(res.body.errors).toEqual([
      {
        value: ID.deleted,
        detail: `Could not find tweet with ids: [${ID.deleted}].`,
        title: "Not Found Error",
        resource_type: "tweet",
        parameter: "ids",
        resource_id: ID.deleted,
        type: NOT_FOUND_TYPE,
      },
      {
        value: ID.unknown,
        detail: `Could not find tweet with ids: [${ID.unknown}].`,
        title: "Not Found Error",
        resource_type: "tweet",
        parameter: "ids",
        resource_id: ID.unknown,
        type: NOT_FOUND_TYPE,
      },
    ])
  })

  it("answers only errors[] (no data) when every id is missing, still 200", async () => {
    const res = await xGet(p.sb, `/2/tweets?ids=${ID.deleted},${ID.unknown}`)
    expect(res.status).toBe(200)
    expect(Object.keys(res.body)).toEqual(["errors"])
    expect(res.body.errors).toHaveLength(2)
  })

  it("rejects 0 and more than 100 ids with an invalid-request problem", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => String(1850000000000000001n + BigInt(i)))
    for (const query of ["", "?ids=", `?ids=${ids.join(",")}`]) {
      const res = await xGet(p.sb, `/2/tweets${query}`)
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({
        title: "Invalid Request",
        detail: "One or more parameters to your request was invalid.",
        type: "https://api.twitter.com/2/problems/invalid-request",
      })
      expect(res.body.errors[0].message).toMatch(/ids/)
    }
    const hundred = await xGet(p.sb, `/2/tweets?ids=${ids.slice(0, 100).join(",")}`)
    expect(hundred.status).toBe(200)
  })

  it("rejects malformed ids, unknown fields and unknown parameters like X", async () => {
    const badId = await xGet(p.sb, "/2/tweets?ids=abc")
    expect(badId.status).toBe(400)
    expect(badId.body.errors[0]).toEqual({ parameters: { ids: ["abc"] }, message: "The `ids` query parameter value [abc] does not match ^[0-9]{1,19}$" })

    const badField = await xGet(p.sb, `/2/tweets?ids=${ID.example}&tweet.fields=public_metrics,likes`)
    expect(badField.status).toBe(400)
    expect(badField.body.errors[0].parameters).toEqual({ "tweet.fields": ["likes"] })

    const badParam = await xGet(p.sb, `/2/tweets/${ID.example}?fields=public_metrics`)
    expect(badParam.status).toBe(400)
    expect(badParam.body.errors[0].message).toMatch(/^The query parameter \[fields\] is not one of/)
  })

  it("expands video media with view_count and playback quartiles (docs' example)", async () => {
    const res = await xGet(
      p.sb,
      `/2/tweets/${ID.video}?tweet.fields=attachments&expansions=attachments.media_keys&media.fields=public_metrics,non_public_metrics,type,duration_ms`
    )
    expect(res.status).toBe(200)
    expect(res.body.data.attachments).toEqual({ media_keys: [ID.videoMediaKey] })
    expect(res.body.includes.media).toEqual([
      {
        media_key: ID.videoMediaKey,
        type: "video",
        duration_ms: 45000,
        public_metrics: { view_count: 12543 },
        non_public_metrics: {
          playback_0_count: 12543,
          playback_25_count: 9876,
          playback_50_count: 7654,
          playback_75_count: 5432,
          playback_100_count: 3210,
        },
      },
    ])
  })

  it("expands photos without view counts and authors into includes.users", async () => {
    const res = await xGet(p.sb, `/2/tweets?ids=${ID.photo}&expansions=attachments.media_keys,author_id&media.fields=public_metrics`)
    expect(res.body.includes.media).toEqual([{ media_key: ID.photoMediaKey, type: "photo" }])
    expect(res.body.includes.users).toEqual([{ id: "1500000000000000001", name: "Sandbox Coffee Co.", username: "sandbox_coffee" }])
  })

  it("answers a deleted single post with 200 and only errors by default, 404 when switched", async () => {
    const res = await xGet(p.sb, `/2/tweets/${ID.deleted}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      errors: [
        {
          value: ID.deleted,
          detail: `Could not find tweet with id: [${ID.deleted}].`,
          title: "Not Found Error",
          resource_type: "tweet",
          parameter: "id",
          resource_id: ID.deleted,
          type: NOT_FOUND_TYPE,
        },
      ],
    })
    p.sb.setOptions({ x: { singleNotFoundStatus: 404 } })
    try {
      const switched = await xGet(p.sb, `/2/tweets/${ID.unknown}`)
      expect(switched.status).toBe(404)
      expect(switched.body.errors[0].type).toBe(NOT_FOUND_TYPE)
    } finally {
      p.sb.setOptions({ x: {} })
    }
  })

  it("answers 401 with the captured body for missing, unknown, expired and revoked tokens", async () => {
    const body = { title: "Unauthorized", type: "about:blank", status: 401, detail: "Unauthorized" }
    for (const token of [null, "nope", X_DEMO_TOKENS.expired, X_DEMO_TOKENS.revoked, "linkedin-demo-token"]) {
      const res = await xGet(p.sb, `/2/tweets/${ID.example}`, token)
      expect(res.status).toBe(401)
      expect(res.body).toEqual(body)
    }
  })

  it("answers 403 to a user token without the users.read scope", async () => {
    const res = await xGet(p.sb, `/2/tweets/${ID.example}`, X_DEMO_TOKENS.noScope)
    expect(res.status).toBe(403)
    expect(res.body).toEqual({ title: "Forbidden", type: "about:blank", status: 403, detail: "Forbidden" })
  })

  it("counts each returned post as one billed read in the stats", async () => {
    p.sb.reset()
    await xGet(p.sb, `/2/tweets?ids=${ID.example},${ID.photo},${ID.unknown}`)
    await xGet(p.sb, `/2/tweets/${ID.video}`)
    const stats = p.sb.stats()
    expect(stats.requests.x).toBe(2)
    expect(stats.units.x).toBe(3)
    expect(stats.byToken[X_DEMO_TOKENS.user]).toMatchObject({ requests: 2, units: 3 })
  })
})
