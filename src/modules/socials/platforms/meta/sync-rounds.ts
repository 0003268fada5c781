import { PlatformApiError } from "../http/platform-api-error"
import { asPlatformError, errorDetail } from "../shared/sync-result"
import { isMetaAccountProblem } from "./errors"
import type { GraphItemResult } from "./graph-client"
import { applyProbeFindings, handleCombinedError, handleInsightsError, recordProbeAnswer, type ProbeFindings } from "./refusal-recovery"
import { failWhole, type MetaRun } from "./sync-run"
import { planRequests } from "./sync-plan"
import type { PlannedRequest, Step, TargetState } from "./sync-state"

/**
 * combined → drop the named metric → combined → probe each metric (one batch) →
 * combined without the refused → (split per section) : a handful of rounds at most.
 */
const MAX_ROUNDS = 7

/** The rounds: each asks every post's next step in one batch, then reads the answers and plans the next. */
export async function runRounds(run: MetaRun): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const requests = planRound(run)
    if (!requests.length) break
    const probing = new Map<TargetState, Step | undefined>(run.states.map((s) => [s, s.step]))
    for (const state of run.states) if (state.step?.kind !== "wait_probe") state.step = undefined
    const results = await ask(run, requests, round)
    if (!results) continue
    const findings: ProbeFindings = new Map()
    for (let i = 0; i < requests.length; i++) await readAnswer(run, requests[i], results[i], findings)
    await applyProbeFindings(run, probing, findings)
  }
  failPending(run)
}

function planRound(run: MetaRun): PlannedRequest[] {
  const requests: PlannedRequest[] = []
  for (const state of run.states) {
    if (!state.step || state.failure) continue
    // Token, throttling, app settings, a missing read permission: the rest of the account's posts are not asked.
    if (run.stopError) {
      failWhole(run, state, "post", run.stopError)
      continue
    }
    requests.push(...planRequests(run.spec, run.pageSize, state, state.step))
  }
  return requests
}

/** One batch; when it fails as a whole, every post in it fails (undefined). */
async function ask(run: MetaRun, requests: PlannedRequest[], round: number): Promise<GraphItemResult[] | undefined> {
  try {
    return await run.graph.getMany(
      requests.map((r) => r.url),
      `${run.spec.platform}.${round === 0 ? "posts" : "recovery"}`
    )
  } catch (e) {
    const error = asPlatformError(run.spec.platform, e)
    for (const r of requests) failWhole(run, r.state, "post", error)
    return undefined
  }
}

async function readAnswer(run: MetaRun, { state, tag }: PlannedRequest, result: GraphItemResult, findings: ProbeFindings): Promise<void> {
  if (state.failure) return
  // The HTTP request carrying this item failed as a whole: the item was never answered on its own.
  if (!result.ok && result.requestFailed) return failWhole(run, state, "post", result.error)
  if (tag.startsWith("probe:")) return recordProbeAnswer(run, findings, state, tag, result)
  if (result.ok) {
    if (tag === "combined" || tag === "metrics") Object.assign(state.body, asRecord(result.body))
    else state.body[tag] = result.body
    return
  }
  const error = result.error
  if (isMetaAccountProblem(error)) return failWhole(run, state, "post", error)
  if (tag === "combined") await handleCombinedError(run, state, error)
  else if (tag === "metrics") {
    if (error.isNotFound) failWhole(run, state, "post", error)
    else state.errors.push(errorDetail("metrics", error, run.options.now()))
  } else if (tag === "insights") await handleInsightsError(run, state, error)
  else if (tag === "comments") {
    state.commentsFailed = true
    state.errors.push(errorDetail("comments", error, run.options.now()))
  }
}

/** Out of rounds (a platform answering inconsistently): fail what is still pending rather than report an empty success. */
function failPending(run: MetaRun): void {
  for (const state of run.states) {
    if (state.step && !state.failure) {
      failWhole(run, state, "post", new PlatformApiError({ platform: run.spec.platform, kind: "malformed_response", code: "recovery_exhausted", detail: "gave up after repeated refusals" }))
    }
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}
