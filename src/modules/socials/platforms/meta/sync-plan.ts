import type { MetaPostSpec, PlannedRequest, Step, TargetState } from "./sync-state"

const relative = (state: TargetState, fields: string[]): string => `${encodeURIComponent(state.target.platformPostId)}?fields=${encodeURIComponent(fields.join(","))}`
const insightsExpansion = (metrics: string[]): string => `insights.metric(${metrics.join(",")})`

/**
 * Planning: the Graph requests one post's next step needs. One combined object with
 * insights and the first comments page expanded; or its sections one by one; or
 * one insights call per metric (a probe). Pure: no state changes here.
 */
export function planRequests(spec: MetaPostSpec, pageSize: number, state: TargetState, step: Step): PlannedRequest[] {
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
