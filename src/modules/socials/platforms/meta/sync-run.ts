import type { SyncSection } from "../../insights/schema"
import { PLATFORM_LABELS, PlatformApiError } from "../http/platform-api-error"
import type { SyncTarget } from "../types"
import { isMetaAccountProblem } from "./errors"
import type { GraphClient } from "./graph-client"
import { refusedMetricsScope, unsupportedMetricsScope } from "./refused-metrics"
import { noInsightsNotice, retiredNotice, unsupportedNotice } from "./sync-notices"
import { remembersNoInsights, UNKNOWN_SCOPE, type MetaPostSpec, type MetaSyncOptions, type TargetState } from "./sync-state"

/** One account's Meta sync: what every step needs, each post's state, and the error that stops the account. */
export interface MetaRun {
  spec: MetaPostSpec
  graph: GraphClient
  options: MetaSyncOptions
  label: string
  commentsLimit: number
  /** Comments asked per page: the platform's largest page, or fewer when fewer are wanted. */
  pageSize: number
  states: TargetState[]
  /** Token, throttling, app settings, a missing read permission: the rest of the account's posts are not asked. */
  stopError?: PlatformApiError
}

export async function openRun(spec: MetaPostSpec, graph: GraphClient, options: MetaSyncOptions, targets: SyncTarget[]): Promise<MetaRun> {
  const commentsLimit = Math.max(0, options.commentsLimit)
  const pageSize = Math.min(spec.commentsPageSize, Math.max(1, commentsLimit))
  const run: MetaRun = { spec, graph, options, label: PLATFORM_LABELS[spec.platform], commentsLimit, pageSize, states: [] }
  for (const target of targets) run.states.push(await initialState(run, target))
  return run
}

/** Where refusals are remembered: per account, API version and scope (the confirmed media type). */
export function scopeKey(run: MetaRun, scope: string): string {
  return refusedMetricsScope(run.spec.platform, run.options.accountId, run.graph.version, scope)
}

/** Metrics already refused for this account, version and confirmed type are not asked again; the note says why. */
async function initialState(run: MetaRun, target: SyncTarget): Promise<TargetState> {
  const { spec, label, options } = run
  const scope = spec.scopeFor(target)
  const retired = new Set(await options.refusedMetrics.get(scopeKey(run, scope)))
  const unsupported = new Set(await options.refusedMetrics.get(unsupportedMetricsScope(scopeKey(run, scope))))
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
    commentsFailed: run.commentsLimit === 0,
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

/** The post fails as a whole; an account-wide problem also stops the account's other posts. */
export function failWhole(run: MetaRun, state: TargetState, section: SyncSection, error: PlatformApiError): void {
  state.failure = { section, error }
  state.step = undefined
  if (isMetaAccountProblem(error)) run.stopError ??= error
}

/** Posts of one known scope share a probe; with an unknown product type each post probes itself. */
export function probeKey(state: TargetState): string {
  return state.scope === UNKNOWN_SCOPE ? `target:${state.target.targetId}` : state.scope
}
