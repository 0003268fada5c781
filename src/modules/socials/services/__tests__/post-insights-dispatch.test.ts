import { resolveSocialsConfig } from "../../platforms/config"
import { InMemoryRateBudgetStore } from "../../platforms/http/rate-budget"
import type { InsightsStore } from "../insights-store"
import { PostInsightsService } from "../post-insights-service"
import type { PostRecord } from "../sync-persistence"

const logger = { info() {}, warn() {}, error() {}, debug() {} } as unknown as ConstructorParameters<typeof PostInsightsService>[0]["logger"]

function storeWith(posts: PostRecord[]) {
  const persisted: unknown[] = []
  const store: InsightsStore = {
    listPosts: async (ids) => posts.filter((p) => ids.includes(p.id)),
    listPostsInSyncOrder: async () => [],
    reschedulePosts: async () => {},
    readApiConfig: async () => null,
    openSecrets: () => ({ accessToken: "token-that-must-not-be-used", refreshToken: null, tokenExpiresAt: null, authType: null }),
    saveRefreshedToken: async () => {
      throw new Error("no refresh expected")
    },
    persistBatch: async (...args) => {
      persisted.push(args)
    },
  }
  return { store, persisted }
}

describe("PostInsightsService dispatch", () => {
  it("fails a post whose provider has no definition, never syncing it as another platform", async () => {
    const post = {
      id: "socpost_1",
      status: "posted",
      media_type: null,
      posted_at: null,
      insights: { linkedin_post_urn: "urn:li:share:1", twitter_tweet_id: "1" },
      insights_synced_at: null,
      platform: { id: "socplat_1", provider: "myspace", account_id: "1", api_config: null, status: "active" },
    } as unknown as PostRecord
    const { store, persisted } = storeWith([post])
    const service = new PostInsightsService({ store, config: resolveSocialsConfig({}, {}), budgetStore: new InMemoryRateBudgetStore(), logger })
    const [outcome] = await service.syncPostsByIds([post.id], { mode: "single", force: true })
    expect(outcome).toMatchObject({ postId: post.id, status: "failed", code: "unknown_platform" })
    expect(persisted).toEqual([])
  })
})
