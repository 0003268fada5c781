import type { SandboxUrls } from "../sandbox/server"
import type { BenchWorkload, Provider } from "./workload"

/** The spec's Graph version is unstated; any served version gives the same request count. */
const GRAPH_VERSION = "v25.0"
const LINKEDIN_VERSION = "202610"
/** The reaction types the spec's Facebook data lists, one call each. */
const SPEC_REACTION_TYPES = ["LIKE", "LOVE", "WOW", "HAHA", "SAD", "ANGRY"]

export interface SpecPlanResult {
  requests: Record<Provider, number>
  /** Answers that were not 2xx (the spec asks for metrics the platforms have since retired). */
  failed: Record<Provider, number>
  wall_ms: number
}

/**
 * A standalone replay of POST_INSIGHTS_SYNC.spec.md's call plan, one post after the
 * other, for comparison only (it shares no code with the plugin):
 * Instagram media, insights, comments, and video insights for videos and reels;
 * Facebook post, one reactions call per type, insights, comments; X and LinkedIn
 * one call each. Every call is counted whatever the platform answers.
 */
export async function replaySpecPlan(workload: BenchWorkload, urls: SandboxUrls): Promise<SpecPlanResult> {
  const requests: Record<Provider, number> = { instagram: 0, facebook: 0, twitter: 0, linkedin: 0 }
  const failed: Record<Provider, number> = { instagram: 0, facebook: 0, twitter: 0, linkedin: 0 }
  const call = async (provider: Provider, url: string, headers: Record<string, string> = {}) => {
    requests[provider]++
    const res = await fetch(url, { headers })
    await res.arrayBuffer()
    if (!res.ok) failed[provider]++
  }
  const metaTokens = new Map(workload.accounts.meta.pages.flatMap((p) => [[p.id, p.token], [p.instagram_id, p.token]] as const))
  const graph = (id: string, edge: string, query: string, owner: string) =>
    `${urls.meta}/${GRAPH_VERSION}/${id}${edge}?${query}&access_token=${encodeURIComponent(metaTokens.get(owner) ?? "")}`

  const started = performance.now()
  for (const m of workload.instagram) {
    await call("instagram", graph(m.id, "", "fields=id,media_type,permalink,caption,timestamp,like_count,comments_count", m.owner_id))
    await call("instagram", graph(m.id, "/insights", "metric=impressions,reach,engagement,saved,profile_visits,follows,shares", m.owner_id))
    await call("instagram", graph(m.id, "/comments", "fields=id,text,username,timestamp,like_count&limit=100", m.owner_id))
    if (m.media_type === "VIDEO" || m.media_product_type === "REELS") {
      await call("instagram", graph(m.id, "/insights", "metric=video_views,total_interactions", m.owner_id))
    }
  }
  for (const p of workload.facebook) {
    await call("facebook", graph(p.id, "", "fields=id,message,created_time,permalink_url,shares,reactions.summary(true),comments.summary(true)", p.page_id))
    for (const type of SPEC_REACTION_TYPES) {
      await call("facebook", graph(p.id, "/reactions", `type=${type}&summary=total_count`, p.page_id))
    }
    await call("facebook", graph(p.id, "/insights", "metric=post_impressions,post_impressions_unique,post_engaged_users,post_clicks", p.page_id))
    await call("facebook", graph(p.id, "/comments", "fields=id,message,from,created_time,like_count&limit=100", p.page_id))
  }
  const xTokens = new Map(workload.accounts.x.users.map((u) => [u.id, u.token]))
  for (const t of workload.tweets) {
    await call("twitter", `${urls.x}/2/tweets/${t.id}?tweet.fields=created_at,public_metrics,organic_metrics`, {
      authorization: `Bearer ${xTokens.get(t.author_id) ?? ""}`,
    })
  }
  const linkedinTokens = new Map(workload.accounts.linkedin.organizations.map((o) => [o.urn, o.token]))
  for (const l of workload.linkedin) {
    // The spec's unversioned /v2 path is sunset; the versioned equivalent is the same one call.
    await call("linkedin", `${urls.linkedin}/rest/socialActions/${encodeURIComponent(l.urn)}`, {
      authorization: `Bearer ${linkedinTokens.get(l.organization) ?? ""}`,
      "linkedin-version": LINKEDIN_VERSION,
      "x-restli-protocol-version": "2.0.0",
    })
  }
  return { requests, failed, wall_ms: performance.now() - started }
}
