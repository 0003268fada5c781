import { describe, expect, it } from "vitest"
import { LINKEDIN_DEMO_TOKENS, LINKEDIN_SEED_IDS } from "../linkedin/seed"
import { enc, liGet, list, usePinned } from "./x-linkedin-support"

const ID = LINKEDIN_SEED_IDS
const ORG = "urn:li:organization:90000001"
const STATS = `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${enc(ORG)}`

describe("LinkedIn /rest conventions: versions, protocol header, tokens, URN encoding", () => {
  const p = usePinned(() => {
    p.sb.setOptions({ linkedin: {} })
  })

  it("answers 426 without LinkedIn-Version, and for sunset or future versions", async () => {
    const missing = await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`, { headers: { "linkedin-version": null } })
    expect(missing.status).toBe(426)
    expect(missing.body).toMatchObject({ status: 426, code: "VERSION_MISSING" })

    // 202508 is the docs' example: sunset in Aug 2026 (the pinned clock's month).
    for (const version of ["202508", "202401", "202609", "2026-08"]) {
      const res = await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`, { headers: { "linkedin-version": version } })
      expect(res.status).toBe(426)
      expect(res.body).toEqual({ status: 426, code: "NONEXISTENT_VERSION", message: `Requested version ${version} is not active` })
    }
    for (const version of ["202509", "202608", "202608.01"]) {
      const res = await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`, { headers: { "linkedin-version": version } })
      expect(res.status).toBe(200)
    }
  })

  it("takes an explicit list of active versions", async () => {
    p.sb.setOptions({ linkedin: { activeVersions: ["202401"] } })
    expect((await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`, { headers: { "linkedin-version": "202401" } })).status).toBe(200)
    expect((await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`)).status).toBe(426)
  })

  it("answers 400 without X-Restli-Protocol-Version: 2.0.0", async () => {
    for (const value of [null, "1.0.0"]) {
      const res = await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`, { headers: { "x-restli-protocol-version": value } })
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({ status: 400, code: "ILLEGAL_ARGUMENT" })
    }
  })

  it("answers the 401 bodies for invalid, revoked and expired tokens", async () => {
    const path = `/rest/socialMetadata/${enc(ID.example)}`
    for (const token of [null, "nope", "x-demo-token"]) {
      const res = await liGet(p.sb, path, { token })
      expect(res.status).toBe(401)
      expect(res.body).toEqual({ status: 401, serviceErrorCode: 65600, code: "INVALID_ACCESS_TOKEN", message: "Invalid access token" })
    }
    const revoked = await liGet(p.sb, path, { token: LINKEDIN_DEMO_TOKENS.revoked })
    expect(revoked.status).toBe(401)
    expect(revoked.body).toMatchObject({ status: 401, serviceErrorCode: 65601, code: "REVOKED_ACCESS_TOKEN" })
    const expired = await liGet(p.sb, path, { token: LINKEDIN_DEMO_TOKENS.expired })
    expect(expired.status).toBe(401)
    expect(expired.body).toMatchObject({ status: 401, code: "EXPIRED_ACCESS_TOKEN" })
    expect(expired.body.message).toMatch(/expired/)
  })

  it("answers 403 ACCESS_DENIED when a scope is missing", async () => {
    const res = await liGet(p.sb, `${STATS}&ugcPosts=${list([ID.example])}`, { token: LINKEDIN_DEMO_TOKENS.noAdmin })
    expect(res.status).toBe(403)
    expect(res.body).toEqual({
      status: 403,
      serviceErrorCode: 100,
      code: "ACCESS_DENIED",
      message: "Not enough permissions to access: organizationalEntityShareStatistics.FINDER-organizationalEntity.20260801",
    })
    // The same token still reads socialActions (r_organization_social).
    expect((await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`, { token: LINKEDIN_DEMO_TOKENS.noAdmin })).status).toBe(200)
  })

  it("answers 404 RESOURCE_NOT_FOUND for unknown and deleted URNs and unknown resources", async () => {
    const body = { status: 404, code: "RESOURCE_NOT_FOUND", message: "No virtual resource found" }
    for (const path of [`/rest/socialActions/${enc(ID.unknown)}`, `/rest/socialMetadata/${enc(ID.deleted)}`, `/rest/socialActions/${enc(ID.deleted)}/comments`, "/rest/shares"]) {
      const res = await liGet(p.sb, path)
      expect(res.status).toBe(404)
      expect(res.body).toEqual(body)
    }
  })

  it("requires path keys fully encoded (Rest.li 2.0): raw or double-encoded URNs are a 400", async () => {
    const ok = await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`)
    expect(ok.status).toBe(200)
    expect(ok.body.target).toBe(ID.example)
    for (const key of [ID.example, encodeURIComponent(enc(ID.example)), "urn%3Ali%3Ashare"]) {
      const res = await liGet(p.sb, `/rest/socialActions/${key}`)
      expect(res.status).toBe(400)
      expect(res.body).toEqual({ status: 400, code: "ILLEGAL_ARGUMENT", message: "Syntax exception in path variables" })
    }
  })

  it("requires List elements encoded but List( , ) literal in query parameters", async () => {
    const good = await liGet(p.sb, `/rest/socialMetadata?ids=${list([ID.example, ID.share])}`)
    expect(good.status).toBe(200)
    const rawColons = await liGet(p.sb, `/rest/socialMetadata?ids=List(${ID.example},${ID.share})`)
    expect(rawColons.status).toBe(400)
    expect(rawColons.body).toMatchObject({ status: 400, code: "ILLEGAL_ARGUMENT" })
    const wholeListEncoded = await liGet(p.sb, `/rest/socialMetadata?ids=${encodeURIComponent(`List(${ID.example},${ID.share})`)}`)
    expect(wholeListEncoded.status).toBe(400)
    const rawOrg = await liGet(p.sb, `/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity=${ORG}`)
    expect(rawOrg.status).toBe(400)
  })

  it("never sends rate-limit headers", async () => {
    const res = await liGet(p.sb, `/rest/socialActions/${enc(ID.example)}`)
    expect([...res.headers.keys()].filter((k) => k.includes("rate"))).toEqual([])
  })
})
