import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { META_CAPTURED_ERRORS } from "../meta/captured-errors"
import { META_DEMO_TOKENS as T, META_SEED_IDS as IDS } from "../meta/seed"
import type { SandboxHandle } from "../server"
import { graphGet, startTestSandbox } from "./meta-support"

let sb: SandboxHandle
beforeAll(async () => {
  sb = await startTestSandbox({ rateLimits: false })
})
afterAll(async () => {
  await sb.stop()
})
beforeEach(() => sb.setOptions({ meta: {} }))

const batchBody = (relatives: string[], token?: string): URLSearchParams =>
  new URLSearchParams({ ...(token ? { access_token: token } : {}), include_headers: "false", batch: JSON.stringify(relatives.map((relative_url) => ({ method: "GET", relative_url }))) })

describe("Meta sandbox: scripted answers with captured error bodies", () => {
  it("an object + edge rule fails that edge (path or field expansion) and nothing else", async () => {
    sb.setOptions({ meta: { answers: [{ id: IDS.instagram.image, edge: "insights", error: "mediaBeforeBusinessConversion" }] } })
    const edge = await graphGet(sb, `/v25.0/${IDS.instagram.image}/insights`, { metric: "reach", access_token: T.page })
    expect(edge.status).toBe(400)
    expect(edge.body.error).toMatchObject({ ...META_CAPTURED_ERRORS.mediaBeforeBusinessConversion.error, fbtrace_id: expect.any(String) })
    const expanded = await graphGet(sb, `/v25.0/${IDS.instagram.image}`, { fields: "id,like_count,insights.metric(reach)", access_token: T.page })
    expect(expanded.body.error.error_subcode).toBe(2108006)
    const plain = await graphGet(sb, `/v25.0/${IDS.instagram.image}`, { fields: "id,like_count", access_token: T.page })
    expect(plain.status).toBe(200)
    const other = await graphGet(sb, `/v25.0/${IDS.instagram.carousel}/insights`, { metric: "reach", access_token: T.page })
    expect(other.status).toBe(200)
  })

  it("inside a batch only the matching item answers the error", async () => {
    sb.setOptions({ meta: { answers: [{ id: IDS.facebook.text, error: "invalidParameterNotFound" }] } })
    const res = await fetch(`${sb.urls.meta}/v25.0/`, { method: "POST", body: batchBody([`${IDS.facebook.text}?fields=id`, `${IDS.facebook.video}?fields=id`], T.page) })
    const items = (await res.json()) as { code: number; body: string }[]
    expect(res.status).toBe(200)
    expect(items.map((i) => i.code)).toEqual([400, 200])
    expect(JSON.parse(items[0].body).error).toMatchObject({ code: 100, error_subcode: 33, message: "Invalid parameter", error_user_msg: expect.any(String) })
  })

  it("a request-level rule fails the whole batch as one answer (an app setting)", async () => {
    sb.setOptions({ meta: { answers: [{ level: "request", error: "appSecretProofRequired" }] } })
    const res = await fetch(`${sb.urls.meta}/v25.0/`, { method: "POST", body: batchBody([`${IDS.facebook.text}?fields=id`], T.page) })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: unknown }).error).toMatchObject({ code: 100, type: "GraphMethodException", message: "API calls from the server require an appsecret_proof argument" })
  })

  it("a token rule applies to that token only", async () => {
    sb.setOptions({ meta: { answers: [{ token: T.secondPage, error: "passwordChanged" }] } })
    const mine = await graphGet(sb, "/v25.0/me", { access_token: T.secondPage })
    expect(mine.body.error).toMatchObject({ code: 190, error_subcode: 460 })
    expect((await graphGet(sb, "/v25.0/me", { access_token: T.page })).status).toBe(200)
  })

  it("a Page under 100 likes answers its post insights with an empty data set", async () => {
    sb.setOptions({ meta: { pagesWithoutInsights: [IDS.pages[0]] } })
    const res = await graphGet(sb, `/v25.0/${IDS.facebook.text}/insights`, { metric: "post_media_view,post_total_media_view_unique", access_token: T.page })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ data: [] })
  })
})

describe("Meta sandbox: the token in the Authorization header", () => {
  it("a GET and a batch authenticate with `Authorization: Bearer` and no access_token in the URL or body", async () => {
    const headers = { authorization: `Bearer ${T.page}` }
    const get = await fetch(`${sb.urls.meta}/v25.0/${IDS.facebook.text}?fields=id`, { headers })
    expect(get.status).toBe(200)
    const batch = await fetch(`${sb.urls.meta}/v25.0/`, { method: "POST", headers, body: batchBody([`${IDS.facebook.text}?fields=id`, `${IDS.instagram.image}?fields=id`]) })
    const items = (await batch.json()) as { code: number }[]
    expect(items.map((i) => i.code)).toEqual([200, 200])
    const unauthenticated = await fetch(`${sb.urls.meta}/v25.0/${IDS.facebook.text}?fields=id`)
    expect(((await unauthenticated.json()) as { error: { code: number } }).error.code).toBe(104)
  })
})
