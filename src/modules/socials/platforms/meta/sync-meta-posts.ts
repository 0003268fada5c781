import type { SyncErrorDetail, SyncSection } from "../../insights/schema"
import { PLATFORM_LABELS, PlatformApiError } from "../http/platform-api-error"
import { asPlatformError, errorDetail, notice } from "../shared/sync-result"
import type { PostSyncResult, SyncTarget } from "../types"
import { isMetaAccountProblem, isPermanentlyWithoutInsights, noInsightsBeforeConversion } from "./errors"
import type { GraphClient, GraphItemResult } from "./graph-client"
import { findRefusedMetrics, isUnsupportedForType, refusedMetricsScope, unsupportedMetricsScope } from "./refused-metrics"
import { pageComments, toResults } from "./sync-finish"
import { planRequests } from "./sync-plan"
import { remembersNoInsights, UNKNOWN_SCOPE, type MetaPostSpec, type MetaSyncOptions, type PlannedRequest, type Step, type TargetState } from "./sync-state"

export { INSIGHTS_UNAVAILABLE_KEY, type MetaPostSpec, type MetaSyncOptions } from "./sync-state"

/**
 * combined → drop the named metric → combined → probe each metric (one batch) →
 * combined without the refused → (split per section) : a handful of rounds at most.
 */
const MAX_ROUNDS = 7

export async function syncMetaPosts(spec: MetaPostSpec, graph: GraphClient, options: MetaSyncOptions, targets: SyncTarget[]): Promise<PostSyncResult[]> {
  const label = PLATFORM_LABELS[spec.platform]
  const commentsLimit = Math.max(0, options.commentsLimit)
  const pageSize = Math.min(spec.commentsPageSize, Math.max(1, commentsLimit))
  const scopeKey = (scope: string): string => refusedMetricsScope(spec.platform, options.accountId, graph.version, scope)
  let stopError: PlatformApiError | undefined

  const states: TargetState[] = []
  for (const target of targets) states.push(await initialState(target))

  /** Metrics already refused for this account, version and confirmed type are not asked again; the note says why. */
  async function initialState(target: SyncTarget): Promise<TargetState> {
    const scope = spec.scopeFor(target)
    const retired = new Set(await options.refusedMetrics.get(scopeKey(scope)))
    const unsupported = new Set(await options.refusedMetrics.get(unsupportedMetricsScope(scopeKey(scope))))
    const wanted = spec.metricsFor(target)
    const withoutInsights = remembersNoInsights(target)
    const state: TargetState = {
      target,
      scope,
      metrics: wanted.filter((m) => !retired.has(m) && !unsupported.has(m)),
      body: {},
      errors: [],
      notices: [],
      droppedNamed: false,
      probed: false,
      insightsDropped: withoutInsights,
      withoutInsights,
      commentsFailed: commentsLimit === 0,
    }
    const gone = wanted.filter((m) => retired.has(m) && !unsupported.has(m))
    if (gone.length) state.notices.push(retiredNotice(spec, label, gone))
    const notForType = wanted.filter((m) => unsupported.has(m))
    if (notForType.length) state.notices.push(unsupportedNotice(spec, label, notForType, scope))
    if (withoutInsights) state.notices.push(noInsightsNotice(spec.platform, label))
    if (!spec.isValidId(target.platformPostId)) {
      state.failure = { section: "post", error: new PlatformApiError({ platform: spec.platform, kind: "invalid_id", code: "invalid_id" }) }
    } else {
      state.step = { kind: "combined" }
    }
    return state
  }


  const refuse = async (state: TargetState, refused: string[], unsupportedForType: boolean): Promise<void> => {
    if (!refused.length) return
    // Worth an operator's attention: a metric list that Meta refuses needs a code or config update.
    options.logger?.warn(`${label} ${graph.version} refused insights metric(s) ${refused.join(", ")} for ${state.scope} media of account ${options.accountId}; dropped`)
    // An unconfirmed product type says nothing about other posts: such a refusal is not remembered.
    if (state.scope !== UNKNOWN_SCOPE) {
      const key = scopeKey(state.scope)
      await options.refusedMetrics.add(unsupportedForType ? unsupportedMetricsScope(key) : key, refused)
    }
    state.metrics = state.metrics.filter((m) => !refused.includes(m))
    state.notices.push(unsupportedForType ? unsupportedNotice(spec, label, refused, state.scope) : retiredNotice(spec, label, refused))
  }

  /** Posts of one known scope share a probe; with an unknown product type each post probes itself. */
  const probeKey = (state: TargetState): string => (state.scope === UNKNOWN_SCOPE ? `target:${state.target.targetId}` : state.scope)

  const dropInsights = (state: TargetState, error: PlatformApiError): void => {
    state.insightsDropped = true
    state.errors.push(errorDetail("insights", error, options.now()))
  }

  /** The platform answered that insights are not available for this post: a notice, and the other sections still come. */
  const insightsUnavailable = (state: TargetState, error: PlatformApiError): void => {
    state.insightsDropped = true
    state.withoutInsights ||= isPermanentlyWithoutInsights(error)
    state.notices.push({ ...errorDetail("insights", error, options.now()), severity: "notice" })
  }

  const failWhole = (state: TargetState, section: SyncSection, error: PlatformApiError): void => {
    state.failure = { section, error }
    state.step = undefined
    if (isMetaAccountProblem(error)) stopError ??= error
  }

  for (let round = 0; round < MAX_ROUNDS; round++) {
    const requests: PlannedRequest[] = []
    for (const state of states) {
      if (!state.step || state.failure) continue
      // Token, throttling, app settings, a missing read permission: the rest of the account's posts are not asked.
      if (stopError) {
        failWhole(state, "post", stopError)
        continue
      }
      requests.push(...planRequests(spec, pageSize, state, state.step))
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
      continue
    }

    const probeFindings = new Map<string, { refused: string[]; unsupportedForType: boolean }>()
    for (let i = 0; i < requests.length; i++) {
      const { state, tag } = requests[i]
      const result = results[i]
      if (state.failure) continue
      // The HTTP request carrying this item failed as a whole: the item was never answered on its own.
      if (!result.ok && result.requestFailed) {
        failWhole(state, "post", result.error)
        continue
      }
      if (tag.startsWith("probe:")) {
        if (!result.ok && result.error.isRetiredMetric) {
          const finding = probeFindings.get(probeKey(state)) ?? { refused: [], unsupportedForType: false }
          finding.refused.push(tag.slice("probe:".length))
          finding.unsupportedForType ||= isUnsupportedForType(result.error.detail)
          probeFindings.set(probeKey(state), finding)
        } else if (!result.ok && isMetaAccountProblem(result.error)) {
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
      if (isMetaAccountProblem(error)) {
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
      await refuse(state, finding.refused, isUnsupportedForType(error.detail))
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
    if (error.kind === "insights_unavailable" && !state.insightsDropped) {
      // Insights failed the whole object: ask again without them, the rest is still there.
      insightsUnavailable(state, error)
      state.step = { kind: "combined" }
      return
    }
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
    if (error.kind === "insights_unavailable") return insightsUnavailable(state, error)
    dropInsights(state, error)
  }

  stopError = await pageComments(spec, graph, states, commentsLimit, options.now, stopError)
  return toResults(spec, states, options.now)
}


function noInsightsNotice(platform: "instagram" | "facebook", label: string): SyncErrorDetail {
  return notice("insights", "insights_unavailable", noInsightsBeforeConversion(label), platform)
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** Not retired: the metric exists, just not for this kind of media. */
function unsupportedNotice(spec: MetaPostSpec, label: string, refused: string[], scope: string): SyncErrorDetail {
  const names = refused.map((m) => `'${m}'`).join(", ")
  const media = scope === UNKNOWN_SCOPE ? "this type of media" : `${scope} media`
  return notice("insights", "metric_unavailable", `${label} does not provide ${names} for ${media} (not supported for this media type)`, spec.platform)
}

function retiredNotice(spec: MetaPostSpec, label: string, refused: string[]): SyncErrorDetail {
  const names = refused.map((m) => `'${m}'`).join(", ")
  const replacements = [...new Set(refused.map((m) => spec.replacementFor(m)).filter((r): r is string => !!r))]
  const showing = replacements.length ? `; showing ${replacements.map((r) => `'${r}'`).join(", ")}` : ""
  return notice("insights", "metric_unavailable", `${label} no longer provides ${names} for this media${showing}`, spec.platform)
}
