import type { CommentData, PostInsightsPatch, SyncErrorDetail, SyncSection } from "../../insights/schema"
import { knownCommentIds } from "../../insights/comments"
import { PLATFORM_LABELS, PlatformApiError } from "../http/platform-api-error"
import { asPlatformError, buildResult, errorDetail, failedResult, isAccountWide, notice } from "../shared/sync-result"
import type { PostSyncResult, SyncLogger, SyncTarget } from "../types"
import { CommentPager } from "./comment-pages"
import type { GraphClient, GraphItemResult } from "./graph-client"
import { findRefusedMetrics, refusedMetricsScope, type RefusedMetricsStore } from "./refused-metrics"

/** What differs between Instagram media and Facebook posts; the request strategy is shared. */
export interface MetaPostSpec {
  platform: "instagram" | "facebook"
  /** Largest comments page the platform serves (Instagram 50). */
  commentsPageSize: number
  isValidId(id: string): boolean
  /** Refused metrics are remembered per API version and this scope (e.g. the media product type). */
  scopeFor(target: SyncTarget): string
  metricsFor(target: SyncTarget): string[]
  baseFields(target: SyncTarget): string[]
  /** Field expansion for the first comments page, e.g. `comments.limit(50){...}`. */
  commentsExpansion(pageSize: number): string
  /** Query of the comments edge when sections are fetched separately. */
  commentsEdgeQuery(pageSize: number): string
  mapComment(raw: unknown): CommentData | undefined
  normalize(body: Record<string, unknown>, target: SyncTarget): { patch: PostInsightsPatch; notices: SyncErrorDetail[] }
  /** The current metric that replaces a retired one, for the user-facing note. */
  replacementFor(metric: string): string | undefined
}

export interface MetaSyncOptions {
  refusedMetrics: RefusedMetricsStore
  commentsLimit: number
  now: () => number
  logger?: SyncLogger
}

type Step = { kind: "combined" } | { kind: "split"; sections: SyncSection[] } | { kind: "probe"; metrics: string[] } | { kind: "wait_probe" }

interface TargetState {
  target: SyncTarget
  scope: string
  metrics: string[]
  body: Record<string, unknown>
  errors: SyncErrorDetail[]
  notices: SyncErrorDetail[]
  step?: Step
  /** Named refusal dropped once already; a second refusal goes to per-metric probing. */
  droppedNamed: boolean
  probed: boolean
  insightsDropped: boolean
  commentsFailed: boolean
  failure?: { section: SyncSection; error: PlatformApiError }
  pager?: CommentPager
}

interface PlannedRequest {
  state: TargetState
  tag: "combined" | SyncSection | `probe:${string}`
  url: string
}

/**
 * combined → drop the named metric → combined → probe each metric (one batch) →
 * combined without the refused → (split per section) : a handful of rounds at most.
 */
const MAX_ROUNDS = 7

/**
 * A refusal "for this media product type" is about the product type, not the API
 * version: with an unknown type it must not be remembered for every post.
 */
const UNKNOWN_SCOPE = "UNKNOWN"

export async function syncMetaPosts(spec: MetaPostSpec, graph: GraphClient, options: MetaSyncOptions, targets: SyncTarget[]): Promise<PostSyncResult[]> {
  const label = PLATFORM_LABELS[spec.platform]
  const commentsLimit = Math.max(0, options.commentsLimit)
  const pageSize = Math.min(spec.commentsPageSize, Math.max(1, commentsLimit))
  let stopError: PlatformApiError | undefined

  const states: TargetState[] = []
  for (const target of targets) {
    const scope = spec.scopeFor(target)
    const refused = new Set(await options.refusedMetrics.get(refusedMetricsScope(spec.platform, graph.version, scope)))
    const state: TargetState = {
      target,
      scope,
      metrics: spec.metricsFor(target).filter((m) => !refused.has(m)),
      body: {},
      errors: [],
      notices: [],
      droppedNamed: false,
      probed: false,
      insightsDropped: false,
      commentsFailed: commentsLimit === 0,
    }
    const remembered = spec.metricsFor(target).filter((m) => refused.has(m))
    if (remembered.length) state.notices.push(retiredNotice(spec, label, remembered))
    if (!spec.isValidId(target.platformPostId)) {
      state.failure = { section: "post", error: new PlatformApiError({ platform: spec.platform, kind: "invalid_id", code: "invalid_id" }) }
    } else {
      state.step = { kind: "combined" }
    }
    states.push(state)
  }

  const relative = (state: TargetState, fields: string[]): string => `${encodeURIComponent(state.target.platformPostId)}?fields=${encodeURIComponent(fields.join(","))}`
  const insightsExpansion = (metrics: string[]): string => `insights.metric(${metrics.join(",")})`

  const plan = (state: TargetState, step: Step): PlannedRequest[] => {
    const id = encodeURIComponent(state.target.platformPostId)
    const wantsInsights = state.metrics.length > 0 && !state.insightsDropped
    switch (step.kind) {
      case "combined": {
        const fields = [...spec.baseFields(state.target)]
        if (wantsInsights) fields.push(insightsExpansion(state.metrics))
        if (!state.commentsFailed) fields.push(spec.commentsExpansion(pageSize))
        return [{ state, tag: "combined", url: relative(state, fields) }]
      }
      case "split": {
        const out: PlannedRequest[] = []
        if (step.sections.includes("metrics")) out.push({ state, tag: "metrics", url: relative(state, spec.baseFields(state.target)) })
        if (step.sections.includes("insights") && wantsInsights) out.push({ state, tag: "insights", url: `${id}/insights?metric=${state.metrics.join(",")}` })
        if (step.sections.includes("comments") && !state.commentsFailed) out.push({ state, tag: "comments", url: `${id}/comments?${spec.commentsEdgeQuery(pageSize)}` })
        return out
      }
      case "probe":
        return step.metrics.map((m) => ({ state, tag: `probe:${m}` as const, url: `${id}/insights?metric=${m}` }))
      case "wait_probe":
        return []
    }
  }

  const refuse = async (state: TargetState, refused: string[], unsupportedForType: boolean): Promise<void> => {
    if (!refused.length) return
    // Worth an operator's attention: a metric list that Meta refuses needs a code or config update.
    options.logger?.warn(`${label} ${graph.version} refused insights metric(s) ${refused.join(", ")} for ${state.scope} media; dropped`)
    if (state.scope !== UNKNOWN_SCOPE) await options.refusedMetrics.add(refusedMetricsScope(spec.platform, graph.version, state.scope), refused)
    state.metrics = state.metrics.filter((m) => !refused.includes(m))
    state.notices.push(unsupportedForType ? unsupportedNotice(spec, label, refused) : retiredNotice(spec, label, refused))
  }

  /** Posts of one known scope share a probe; with an unknown product type each post probes itself. */
  const probeKey = (state: TargetState): string => (state.scope === UNKNOWN_SCOPE ? `target:${state.target.targetId}` : state.scope)

  const dropInsights = (state: TargetState, error: PlatformApiError): void => {
    state.insightsDropped = true
    state.errors.push(errorDetail("insights", error, options.now()))
  }

  const failWhole = (state: TargetState, section: SyncSection, error: PlatformApiError): void => {
    state.failure = { section, error }
    state.step = undefined
    if (isAccountWide(error)) stopError ??= error
  }

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const requests: PlannedRequest[] = []
    for (const state of states) {
      if (!state.step || state.failure) continue
      if (stopError) {
        failWhole(state, "post", stopError)
        continue
      }
      requests.push(...plan(state, state.step))
    }
    if (!requests.length) break
    const probing = new Map<TargetState, Step | undefined>(states.map((s) => [s, s.step]))
    for (const state of states) if (state.step?.kind !== "wait_probe") state.step = undefined

    let results: GraphItemResult[]
    try {
      results = await graph.getMany(
        requests.map((r) => r.url),
        `${spec.platform}.${round === 0 ? "posts" : "recovery"}`
      )
    } catch (e) {
      const error = asPlatformError(spec.platform, e)
      for (const r of requests) failWhole(r.state, "post", error)
      if (isAccountWide(error)) stopError ??= error
      continue
    }

    const probeFindings = new Map<string, { refused: string[]; unsupportedForType: boolean }>()
    for (let i = 0; i < requests.length; i++) {
      const { state, tag } = requests[i]
      const result = results[i]
      if (state.failure) continue
      if (tag.startsWith("probe:")) {
        if (!result.ok && result.error.isRetiredMetric) {
          const finding = probeFindings.get(probeKey(state)) ?? { refused: [], unsupportedForType: false }
          finding.refused.push(tag.slice("probe:".length))
          finding.unsupportedForType ||= /product type/i.test(result.error.detail ?? "")
          probeFindings.set(probeKey(state), finding)
        } else if (!result.ok && isAccountWide(result.error)) {
          failWhole(state, "post", result.error)
        }
        continue
      }
      if (result.ok) {
        if (tag === "combined" || tag === "metrics") Object.assign(state.body, asRecord(result.body))
        else state.body[tag] = result.body
        continue
      }
      const error = result.error
      if (isAccountWide(error)) {
        failWhole(state, "post", error)
        continue
      }
      if (tag === "combined") await handleCombinedError(state, error)
      else if (tag === "metrics") {
        if (error.isNotFound) failWhole(state, "post", error)
        else state.errors.push(errorDetail("metrics", error, options.now()))
      } else if (tag === "insights") await handleInsightsError(state, error)
      else if (tag === "comments") {
        state.commentsFailed = true
        state.errors.push(errorDetail("comments", error, options.now()))
      }
    }

    // A probe answers for every post of its scope: they all drop the same metrics.
    for (const state of states) {
      const step = probing.get(state)
      if (step?.kind !== "probe" && step?.kind !== "wait_probe") continue
      if (state.failure) continue
      if (step.kind === "wait_probe" && !states.some((s) => probeKey(s) === probeKey(state) && probing.get(s)?.kind === "probe")) continue
      state.probed = true
      const finding = probeFindings.get(probeKey(state))
      if (finding?.refused.length) {
        await refuse(state, finding.refused, finding.unsupportedForType)
      } else {
        dropInsights(state, new PlatformApiError({ platform: spec.platform, kind: "retired_metric", code: 100 }))
      }
      state.step = { kind: "combined" }
    }
  }

  // Out of rounds (a platform answering inconsistently): fail what is still pending rather than report an empty success.
  for (const state of states) {
    if (state.step && !state.failure) {
      failWhole(state, "post", new PlatformApiError({ platform: spec.platform, kind: "malformed_response", code: "recovery_exhausted", detail: "gave up after repeated refusals" }))
    }
  }

  /**
   * Drop what Meta named and ask again; when it names nothing, or refuses again,
   * probe each metric once; after that, give up on insights for this post (the
   * other sections still come back) rather than loop.
   */
  async function recoverFromRefusal(state: TargetState, error: PlatformApiError): Promise<"retry" | "probe" | "dropped"> {
    const finding = findRefusedMetrics(error.detail ?? "", state.metrics)
    if (!finding.unnamed && !state.droppedNamed) {
      state.droppedNamed = true
      await refuse(state, finding.refused, /product type/i.test(error.detail ?? ""))
      return "retry"
    }
    if (!state.probed && state.metrics.length) return "probe"
    dropInsights(state, error)
    return "dropped"
  }

  function probeStep(state: TargetState): Step {
    const alreadyProbing = states.some((s) => s !== state && probeKey(s) === probeKey(state) && s.step?.kind === "probe")
    return alreadyProbing ? { kind: "wait_probe" } : { kind: "probe", metrics: state.metrics }
  }

  async function handleCombinedError(state: TargetState, error: PlatformApiError): Promise<void> {
    if (error.isNotFound) return failWhole(state, "post", error)
    if (error.isRetiredMetric && !state.insightsDropped) {
      const next = await recoverFromRefusal(state, error)
      state.step = next === "probe" ? probeStep(state) : { kind: "combined" }
      return
    }
    // Something else failed the whole object (a refused edge, a transient error):
    // ask each section on its own so the others still come back.
    state.step = { kind: "split", sections: ["metrics", "insights", "comments"] }
  }

  async function handleInsightsError(state: TargetState, error: PlatformApiError): Promise<void> {
    if (error.isRetiredMetric && !state.insightsDropped) {
      const next = await recoverFromRefusal(state, error)
      if (next === "probe") state.step = probeStep(state)
      else if (!state.insightsDropped) state.step = { kind: "split", sections: ["insights"] }
      return
    }
    if (error.kind === "insights_unavailable") {
      state.insightsDropped = true
      state.notices.push({ ...errorDetail("insights", error, options.now()), severity: "notice" })
      return
    }
    dropInsights(state, error)
  }

  // Comment pages beyond the first, all posts' next pages batched together per round.
  for (const state of states) {
    if (state.failure || state.commentsFailed) continue
    state.pager = new CommentPager(commentsLimit, knownCommentIds(state.target.previousComments), spec.mapComment)
    state.pager.addPage(state.body.comments)
  }
  for (;;) {
    const paging = states.filter((s) => s.pager?.next && !s.failure)
    if (!paging.length || stopError) break
    const relatives = paging.map((s) => graph.toRelative(s.pager?.next ?? ""))
    const requests = paging.filter((_, i) => relatives[i] !== undefined)
    for (const s of paging) if (!requests.includes(s) && s.pager) s.pager.next = undefined
    if (!requests.length) break
    let results: GraphItemResult[]
    try {
      results = await graph.getMany(relatives.filter((r): r is string => r !== undefined), `${spec.platform}.comments`)
    } catch (e) {
      const error = asPlatformError(spec.platform, e)
      for (const s of requests) commentsPageFailed(s, error)
      if (isAccountWide(error)) stopError = error
      break
    }
    requests.forEach((state, i) => {
      const result = results[i]
      if (result.ok) state.pager?.addPage(result.body)
      else commentsPageFailed(state, result.error)
    })
  }

  function commentsPageFailed(state: TargetState, error: PlatformApiError): void {
    if (!state.pager) return
    state.pager.failed = true
    state.pager.next = undefined
    state.errors.push(errorDetail("comments", error, options.now()))
  }

  return states.map((state) => {
    if (state.failure) return failedResult(spec.platform, state.target, state.failure.section, state.failure.error, options.now(), isAccountWide(state.failure.error))
    const { patch, notices } = spec.normalize(state.body, state.target)
    if (state.pager) patch.comments_data = state.pager.comments
    return buildResult(spec.platform, state.target, patch, [...state.errors, ...state.notices, ...notices], { commentsComplete: state.pager?.complete })
  })
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function unsupportedNotice(spec: MetaPostSpec, label: string, refused: string[]): SyncErrorDetail {
  const names = refused.map((m) => `'${m}'`).join(", ")
  return notice("insights", "metric_unavailable", `${label} does not provide ${names} for this type of media`, spec.platform)
}

function retiredNotice(spec: MetaPostSpec, label: string, refused: string[]): SyncErrorDetail {
  const names = refused.map((m) => `'${m}'`).join(", ")
  const replacements = [...new Set(refused.map((m) => spec.replacementFor(m)).filter((r): r is string => !!r))]
  const showing = replacements.length ? `; showing ${replacements.map((r) => `'${r}'`).join(", ")}` : ""
  return notice("insights", "metric_unavailable", `${label} no longer provides ${names} for this media${showing}`, spec.platform)
}
