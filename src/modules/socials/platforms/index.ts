/**
 * Database-free platform layer: clients, normalizers and the per-platform batch
 * entry points the module's PostInsightsService hands off to.
 */
export * from "./types"
export * from "./config"
export * from "./http"
export { InMemoryRefusedMetricsStore, refusedMetricsScope, type RefusedMetricsStore } from "./meta/refused-metrics"
export { META_BATCH_LIMIT } from "./meta/graph-client"
export { syncInstagramPosts } from "./instagram/sync"
export { INSTAGRAM_METRICS, INSTAGRAM_SAFE_METRICS, instagramMetricsFor } from "./instagram/metrics"
export { syncFacebookPosts } from "./facebook/sync"
export { FACEBOOK_METRICS } from "./facebook/client"
export { syncTwitterPosts, X_LOOKUP_LIMIT } from "./x/sync"
export { syncLinkedInPosts, LINKEDIN_LIST_CHUNK } from "./linkedin/sync"
export { encodeUrn, restliList, normalizeUrnKey } from "./linkedin/urn"
export { syncPlatformPosts } from "./sync-platform-posts"
