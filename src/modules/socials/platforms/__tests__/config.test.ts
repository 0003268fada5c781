import { resolveSocialsConfig, retryPolicyFromConfig } from "../config"

describe("socials config", () => {
  it("defaults to the real platforms", () => {
    const c = resolveSocialsConfig({}, {})
    expect(c).toMatchObject({
      metaGraphApiUrl: "https://graph.facebook.com",
      metaGraphApiVersion: "v25.0",
      instagramGraphApiUrl: "https://graph.facebook.com",
      xApiUrl: "https://api.x.com",
      linkedinApiUrl: "https://api.linkedin.com",
      linkedinApiVersion: "202610",
      concurrency: 5,
      freshnessWindowMs: 3_600_000,
      commentsLimit: 100,
      xRepliesInBulk: "when_changed",
    })
    expect(c.budgets.instagram).toEqual({ limit: 200, windowMs: 3_600_000 })
    expect(c.budgets.twitter).toEqual({ limit: 300, windowMs: 900_000 })
  })

  it("falls back to the environment and lets options win", () => {
    const env = { META_GRAPH_API_URL: "http://127.0.0.1:4010/meta/", X_API_URL: "http://127.0.0.1:4010/x", LINKEDIN_API_VERSION: "202608", SOCIALS_COMMENTS_LIMIT: "50", LINKEDIN_DAILY_CALL_BUDGET: "500" }
    const c = resolveSocialsConfig({ xApiUrl: "http://other/x" }, env)
    expect(c.metaGraphApiUrl).toBe("http://127.0.0.1:4010/meta")
    expect(c.instagramGraphApiUrl).toBe("http://127.0.0.1:4010/meta")
    expect(c.xApiUrl).toBe("http://other/x")
    expect(c.linkedinApiVersion).toBe("202608")
    expect(c.commentsLimit).toBe(50)
    expect(c.budgets.linkedin).toEqual({ limit: 500, windowMs: 86_400_000 })
  })

  it("reads per-platform budgets from SOCIALS_BUDGETS; an option wins for its platform", () => {
    const env = { SOCIALS_BUDGETS: JSON.stringify({ facebook: { limit: 60, windowMs: 3_600_000 }, twitter: { limit: 10, windowMs: 60_000 } }) }
    const c = resolveSocialsConfig({ budgets: { twitter: { limit: 20, windowMs: 60_000 } } }, env)
    expect(c.budgets.facebook).toEqual({ limit: 60, windowMs: 3_600_000 })
    expect(c.budgets.twitter).toEqual({ limit: 20, windowMs: 60_000 })
    expect(c.budgets.instagram).toEqual({ limit: 200, windowMs: 3_600_000 })
    expect(() => resolveSocialsConfig({}, { SOCIALS_BUDGETS: "{nope" })).toThrow(/SOCIALS_BUDGETS/)
    expect(() => resolveSocialsConfig({}, { SOCIALS_BUDGETS: '{"facebook":{"limit":0}}' })).toThrow(/budgets\.facebook.*SOCIALS_BUDGETS/)
  })

  it("fails naming the option and its env variable", () => {
    expect(() => resolveSocialsConfig({ metaGraphApiVersion: "25" }, {})).toThrow(/metaGraphApiVersion \(env META_GRAPH_API_VERSION\)/)
    expect(() => resolveSocialsConfig({}, { X_API_URL: "not a url" })).toThrow(/xApiUrl/)
  })

  it("turns into a retry policy tests can shrink", () => {
    const p = retryPolicyFromConfig(resolveSocialsConfig({ retryBaseDelayMs: 1, maxWaitMs: 50 }, {}))
    expect(p).toMatchObject({ baseDelayMs: 1, maxWaitMs: 50, maxRetries: 3 })
  })
})
