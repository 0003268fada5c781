import { PlatformApiError } from "../http/platform-api-error"
import { errorDetail } from "../shared/sync-result"
import { isMetaAccountProblem, isPermanentlyWithoutInsights } from "./errors"
import type { GraphItemResult } from "./graph-client"
import { findRefusedMetrics, isUnsupportedForType, unsupportedMetricsScope } from "./refused-metrics"
import { retiredNotice, unsupportedNotice } from "./sync-notices"
import { failWhole, probeKey, scopeKey, type MetaRun } from "./sync-run"
import { UNKNOWN_SCOPE, type Step, type TargetState } from "./sync-state"

/**
 * Refusal recovery: when Meta refuses insights metrics, drop what it named and
 * ask again; when it names nothing, or refuses again, probe each metric once
 * (one probe per scope); after that give up on insights for the post, while
 * its other sections still come back.
 */

/** Metrics found per probe key: what the probe refused, and whether "for this media type". */
export type ProbeFindings = Map<string, { refused: string[]; unsupportedForType: boolean }>

async function refuse(run: MetaRun, state: TargetState, refused: string[], unsupportedForType: boolean): Promise<void> {
  if (!refused.length) return
  const { spec, label, options } = run
  // Worth an operator's attention: a metric list that Meta refuses needs a code or config update.
  options.logger?.warn(`${label} ${run.graph.version} refused insights metric(s) ${refused.join(", ")} for ${state.scope} media of account ${options.accountId}; dropped`)
  // An unconfirmed product type says nothing about other posts: such a refusal is not remembered.
  if (state.scope !== UNKNOWN_SCOPE) {
    const key = scopeKey(run, state.scope)
    await options.refusedMetrics.add(unsupportedForType ? unsupportedMetricsScope(key) : key, refused)
  }
  state.metrics = state.metrics.filter((m) => !refused.includes(m))
  state.notices.push(unsupportedForType ? unsupportedNotice(spec, label, refused, state.scope) : retiredNotice(spec, label, refused))
}

function dropInsights(run: MetaRun, state: TargetState, error: PlatformApiError): void {
  state.insightsDropped = true
  state.errors.push(errorDetail("insights", error, run.options.now()))
}

/** The platform answered that insights are not available for this post: a notice, and the other sections still come. */
function insightsUnavailable(run: MetaRun, state: TargetState, error: PlatformApiError): void {
  state.insightsDropped = true
  state.withoutInsights ||= isPermanentlyWithoutInsights(error)
  state.notices.push({ ...errorDetail("insights", error, run.options.now()), severity: "notice" })
}

async function recoverFromRefusal(run: MetaRun, state: TargetState, error: PlatformApiError): Promise<"retry" | "probe" | "dropped"> {
  const finding = findRefusedMetrics(error.detail ?? "", state.metrics)
  if (!finding.unnamed && !state.droppedNamed) {
    state.droppedNamed = true
    await refuse(run, state, finding.refused, isUnsupportedForType(error.detail))
    return "retry"
  }
  if (!state.probed && state.metrics.length) return "probe"
  dropInsights(run, state, error)
  return "dropped"
}

function probeStep(run: MetaRun, state: TargetState): Step {
  const alreadyProbing = run.states.some((s) => s !== state && probeKey(s) === probeKey(state) && s.step?.kind === "probe")
  return alreadyProbing ? { kind: "wait_probe" } : { kind: "probe", metrics: state.metrics }
}

export async function handleCombinedError(run: MetaRun, state: TargetState, error: PlatformApiError): Promise<void> {
  if (error.isNotFound) return failWhole(run, state, "post", error)
  if (error.kind === "insights_unavailable" && !state.insightsDropped) {
    // Insights failed the whole object: ask again without them, the rest is still there.
    insightsUnavailable(run, state, error)
    state.step = { kind: "combined" }
    return
  }
  if (error.isRetiredMetric && !state.insightsDropped) {
    const next = await recoverFromRefusal(run, state, error)
    state.step = next === "probe" ? probeStep(run, state) : { kind: "combined" }
    return
  }
  // Something else failed the whole object (a refused edge, a transient error):
  // ask each section on its own so the others still come back.
  state.step = { kind: "split", sections: ["metrics", "insights", "comments"] }
}

export async function handleInsightsError(run: MetaRun, state: TargetState, error: PlatformApiError): Promise<void> {
  if (error.isRetiredMetric && !state.insightsDropped) {
    const next = await recoverFromRefusal(run, state, error)
    if (next === "probe") state.step = probeStep(run, state)
    else if (!state.insightsDropped) state.step = { kind: "split", sections: ["insights"] }
    return
  }
  if (error.kind === "insights_unavailable") return insightsUnavailable(run, state, error)
  dropInsights(run, state, error)
}

/** One probe's answer (`probe:<metric>`): a refusal is noted for its scope; an account problem fails the post. */
export function recordProbeAnswer(run: MetaRun, findings: ProbeFindings, state: TargetState, tag: string, result: GraphItemResult): void {
  if (!result.ok && result.error.isRetiredMetric) {
    const finding = findings.get(probeKey(state)) ?? { refused: [], unsupportedForType: false }
    finding.refused.push(tag.slice("probe:".length))
    finding.unsupportedForType ||= isUnsupportedForType(result.error.detail)
    findings.set(probeKey(state), finding)
  } else if (!result.ok && isMetaAccountProblem(result.error)) {
    failWhole(run, state, "post", result.error)
  }
}

/**
 * A probe answers for every post of its scope: they all drop the same metrics.
 * `probing` holds each post's step of the round just asked.
 */
export async function applyProbeFindings(run: MetaRun, probing: Map<TargetState, Step | undefined>, findings: ProbeFindings): Promise<void> {
  for (const state of run.states) {
    const step = probing.get(state)
    if (step?.kind !== "probe" && step?.kind !== "wait_probe") continue
    if (state.failure) continue
    if (step.kind === "wait_probe" && !run.states.some((s) => probeKey(s) === probeKey(state) && probing.get(s)?.kind === "probe")) continue
    state.probed = true
    const finding = findings.get(probeKey(state))
    if (finding?.refused.length) {
      await refuse(run, state, finding.refused, finding.unsupportedForType)
    } else {
      dropInsights(run, state, new PlatformApiError({ platform: run.spec.platform, kind: "retired_metric", code: 100 }))
    }
    state.step = { kind: "combined" }
  }
}
