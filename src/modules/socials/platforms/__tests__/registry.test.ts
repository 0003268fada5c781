import { PLATFORM_CATALOG, SOCIAL_PLATFORMS, platformFacts, platformsServing } from "../catalog"
import { definitionOf, definitionsServing, PLATFORM_DEFINITIONS, registryMismatch } from "../registry"
import { SOCIAL_PROVIDERS } from "../../models/social-platform"
import { PLATFORM_METRICS_FIELD, PUBLISH_ID_FIELDS, validatePostInsights } from "../../insights/schema"
import { DEFAULT_BUDGETS } from "../http/rate-budget"
import { resolveSocialsConfig } from "../config"

describe("platform registry", () => {
  it("lists one definition per catalog entry, with the catalog's facts", () => {
    expect(registryMismatch()).toEqual([])
    for (const facts of PLATFORM_CATALOG) {
      const definition = definitionOf(facts.id)
      expect(definition.blockName).toBe(facts.blockName)
      expect(definition.postIdField).toBe(facts.postIdField)
      expect(typeof definition.sync).toBe("function")
    }
    expect(PLATFORM_DEFINITIONS.map((d) => d.id)).toEqual([...SOCIAL_PLATFORMS])
  })

  it("refuses an unknown platform instead of handing it another platform's code", () => {
    expect(() => definitionOf("myspace")).toThrow(/No platform definition for 'myspace'/)
    expect(() => platformFacts("myspace")).toThrow(/Unknown social platform 'myspace'/)
    expect(definitionsServing("myspace")).toEqual([])
    expect(platformsServing("myspace")).toEqual([])
  })

  it("lets a Meta account sync both its Instagram and its Facebook ids", () => {
    expect(definitionsServing("instagram").map((d) => d.id)).toEqual(["instagram", "facebook"])
    expect(definitionsServing("facebook").map((d) => d.id)).toEqual(["instagram", "facebook"])
    expect(definitionsServing("twitter").map((d) => d.id)).toEqual(["twitter"])
    expect(definitionsServing("threads").map((d) => d.id)).toEqual(["threads"])
  })

  it("derives providers, schema fields, budgets and ids from the catalog", () => {
    expect([...SOCIAL_PROVIDERS]).toEqual([...SOCIAL_PLATFORMS])
    expect(PLATFORM_METRICS_FIELD).toEqual({ instagram: "instagram_insights", facebook: "facebook_insights", twitter: "twitter_insights", linkedin: "linkedin_insights", threads: "threads_insights" })
    expect([...PUBLISH_ID_FIELDS]).toEqual(["instagram_media_id", "facebook_post_id", "twitter_tweet_id", "linkedin_post_urn", "threads_media_id"])
    expect(resolveSocialsConfig({}, {}).budgets).toEqual(DEFAULT_BUDGETS)
    expect(() => validatePostInsights({ schema_version: 1, platform: "linkedin", linkedin_insights: { likeCount: "many" } })).toThrow()
  })

  it("checks post ids with each platform's own pattern", () => {
    expect(definitionOf("linkedin").isValidPostId("urn:li:share:1")).toBe(true)
    expect(definitionOf("linkedin").isValidPostId("123")).toBe(false)
    expect(definitionOf("facebook").isValidPostId("1_2")).toBe(true)
    expect(definitionOf("twitter").isValidPostId("1_2")).toBe(false)
  })
})
