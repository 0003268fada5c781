import type { SocialsConfig } from "../platforms/config"
import { isSocialPlatform, platformsServing, type SocialPlatform } from "../platforms/catalog"
import { budgetKey, type RateBudgetStore } from "../platforms/http/rate-budget"
import { previousForPlatform } from "../insights/cross-post"
import { planAccount, type PlanBudget, type PlanPost } from "../scheduling/budget-planner"
import { estimateSyncUnits } from "../scheduling/sync-cost"
import type { InsightsStore } from "./insights-store"
import type { PostRecord } from "./sync-persistence"

export type BudgetedSelection = { take: string[]; deferred: number }

type Deps = { store: Pick<InsightsStore, "listPosts" | "reschedulePosts" | "openSecrets">; config: SocialsConfig; budgetStore: RateBudgetStore }

const toDate = (v: Date | string | null | undefined): Date | null => (v ? new Date(v) : null)

/**
 * A scheduled run's page, cut to what each account's remaining budget covers (see
 * scheduling/budget-planner.ts). The posts left out get `next_sync_at` = when the
 * budget returns units: no call, no failure, their insights untouched. Accounts
 * whose budgets cannot be read or estimated keep all their posts (the per-call
 * budget still guards them).
 */
export async function planBudgetedSync(deps: Deps, ids: string[], now: Date): Promise<BudgetedSelection> {
  if (!deps.budgetStore.remaining || !ids.length) return { take: ids, deferred: 0 }
  const posts = await deps.store.listPosts(ids)
  const byAccount = new Map<string, PostRecord[]>()
  for (const post of posts) byAccount.set(post.platform.id, [...(byAccount.get(post.platform.id) ?? []), post])

  const taken = new Set<string>()
  const deferred: { id: string; next_sync_at: Date }[] = []
  for (const accountPosts of byAccount.values()) {
    const plan = await planOneAccount(deps, accountPosts, now)
    plan.take.forEach((id) => taken.add(id))
    deferred.push(...plan.defer)
  }
  if (deferred.length) await deps.store.reschedulePosts(deferred)
  // Ids the store did not return stay in: the sync reports them as not found.
  const deferredIds = new Set(deferred.map((d) => d.id))
  return { take: ids.filter((id) => !deferredIds.has(id)), deferred: deferred.length }
}

async function planOneAccount(deps: Deps, posts: PostRecord[], now: Date): Promise<{ take: string[]; defer: { id: string; next_sync_at: Date }[] }> {
  const all = { take: posts.map((p) => p.id), defer: [] }
  const platform = posts[0].platform
  if (!isSocialPlatform(platform.provider)) return all
  const owner = accountOwner(deps, platform)
  if (!owner) return all

  // Each platform the account's posts carry an id for books on its own budget keys.
  const kinds = [...new Set(posts.flatMap((p) => platformPostIds(p).map((x) => x.platform)))]
  const budgets: PlanBudget[] = []
  const estimates: ((subset: PlanPost[]) => Map<string, number>)[] = []
  for (const kind of kinds) {
    const sample = estimateSyncUnits(kind, [], now)
    if (!sample) continue
    const { limit, windowMs } = deps.config.budgets[kind]
    for (const group of sample.keys()) {
      const key = budgetKey(kind, owner, group)
      budgets.push({ key, ...(await deps.budgetStore.remaining!(key, limit, windowMs)) })
    }
    estimates.push((subset) => keyedUnits(kind, owner, subset, now))
  }
  if (!budgets.length) return all

  const planPosts = posts.map((p) => toPlanPost(p, kinds))
  const estimate = (subset: PlanPost[]) => {
    const total = new Map<string, number>()
    for (const e of estimates) for (const [k, v] of e(subset)) total.set(k, (total.get(k) ?? 0) + v)
    return total
  }
  return planAccount(planPosts, budgets, estimate, now)
}

/** Units on each budget key for the subset's posts that carry this platform's id. */
function keyedUnits(kind: SocialPlatform, owner: { accountId?: string; accessToken?: string }, subset: PlanPost[], now: Date): Map<string, number> {
  const carrying = subset.filter((p) => (p as PlanPost & { kinds: SocialPlatform[] }).kinds.includes(kind))
  const units = estimateSyncUnits(kind, carrying, now) ?? new Map()
  return new Map([...units].map(([group, n]) => [budgetKey(kind, owner, group), n]))
}

/** The owner the clients key the budget by: the account id, else the token (never stored in the key raw). */
function accountOwner(deps: Deps, platform: PostRecord["platform"]): { accountId?: string; accessToken?: string } | undefined {
  if (platform.account_id) return { accountId: platform.account_id }
  try {
    const secrets = deps.store.openSecrets(platform.api_config as Parameters<InsightsStore["openSecrets"]>[0], platform.id)
    return secrets.accessToken ? { accessToken: secrets.accessToken } : undefined
  } catch {
    return undefined
  }
}

/** The platforms this post carries an id for (as the sync dispatches it). */
function platformPostIds(post: PostRecord): { platform: SocialPlatform }[] {
  const insights = (post.insights ?? {}) as Record<string, unknown>
  return platformsServing(post.platform.provider)
    .filter((facts) => typeof insights[facts.postIdField] === "string" && insights[facts.postIdField] !== "")
    .map((facts) => ({ platform: facts.id as SocialPlatform }))
}

function toPlanPost(post: PostRecord, kinds: SocialPlatform[]): PlanPost & { kinds: SocialPlatform[] } {
  const own = platformPostIds(post).map((x) => x.platform)
  const comments = own.length ? previousForPlatform(post.insights, own[0]).comments : undefined
  return {
    id: post.id,
    postedAt: toDate(post.posted_at),
    syncedAt: toDate(post.insights_synced_at),
    nextSyncAt: toDate(post.next_sync_at),
    comments: toDate(post.insights_synced_at) && typeof comments === "number" ? comments : undefined,
    mediaType: post.media_type,
    kinds: own.filter((k) => kinds.includes(k)),
  }
}
