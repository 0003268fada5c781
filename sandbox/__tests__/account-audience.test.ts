import { describe, expect, it } from "vitest"
import { META_DEMO_TOKENS, META_SEED_IDS } from "../meta/seed"
import { X_DEMO_TOKENS } from "../x/seed"
import { LINKEDIN_DEMO_TOKENS } from "../linkedin/seed"
import { graphGet, startTestSandbox } from "./meta-support"
import { enc, liGet, usePinned, xGet } from "./x-linkedin-support"

const follow = (tokens: { token: string; followers_count?: number }[], token: string, count: number) => {
  tokens.find((t) => t.token === token)!.followers_count = count
}

describe("account audience endpoints (daily account snapshots)", () => {
  const p = usePinned()

  it("X GET /2/users/:id answers public_metrics.followers_count only when user.fields asks for it", async () => {
    const id = p.sb.fixtures.tokens.find((t) => t.token === X_DEMO_TOKENS.user)!.account_id
    const bare = await xGet(p.sb, `/2/users/${id}`)
    expect(bare.status).toBe(200)
    expect(bare.body.data.public_metrics).toBeUndefined()
    follow(p.sb.fixtures.tokens, X_DEMO_TOKENS.user, 4321)
    const res = await xGet(p.sb, `/2/users/${id}?user.fields=public_metrics`)
    expect(res.body.data).toMatchObject({ id, public_metrics: { followers_count: 4321, following_count: 42 } })
    expect(res.headers.get("x-rate-limit-limit")).toBe("900")
    expect((await xGet(p.sb, "/2/users/not-a-number?user.fields=public_metrics")).status).toBe(400)
    expect((await xGet(p.sb, `/2/users/${id}`, null)).status).toBe(401)
  })

  it("LinkedIn networkSizes/{org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER answers firstDegreeSize", async () => {
    const org = p.sb.fixtures.tokens.find((t) => t.token === LINKEDIN_DEMO_TOKENS.member)!.account_id
    follow(p.sb.fixtures.tokens, LINKEDIN_DEMO_TOKENS.member, 777)
    const res = await liGet(p.sb, `/rest/networkSizes/${enc(org)}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ firstDegreeSize: 777 })
    expect((await liGet(p.sb, `/rest/networkSizes/${enc(org)}?edgeType=MEMBER_FOLLOWED_BY_MEMBER`)).status).toBe(400)
    expect((await liGet(p.sb, `/rest/networkSizes/${enc("urn:li:organization:1")}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`)).status).toBe(404)
    // Unencoded URN in the path: Rest.li's 400, as for the other resources.
    expect((await liGet(p.sb, `/rest/networkSizes/${org}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`)).status).toBe(400)
  })

  it("Meta /{ig-user-id} and /{page-id} ?fields=followers_count follow the fixture", async () => {
    const sb = await startTestSandbox()
    try {
      const ig = META_SEED_IDS.instagramUsers[0]
      const page = META_SEED_IDS.pages[0]
      const auth = { access_token: META_DEMO_TOKENS.page }
      expect((await graphGet(sb, `/v25.0/${ig}`, { fields: "followers_count", ...auth })).body).toEqual({ followers_count: 2001, id: ig })
      follow(sb.fixtures.tokens, META_DEMO_TOKENS.instagram, 2500)
      expect((await graphGet(sb, `/v25.0/${ig}`, { fields: "followers_count", ...auth })).body.followers_count).toBe(2500)
      expect((await graphGet(sb, `/v25.0/${page}`, { fields: "followers_count", ...auth })).body.followers_count).toBe(1001)
    } finally {
      await sb.stop()
    }
  })
})
