import type { MetaAnswerRule, SandboxContext } from "../types"
import { META_CAPTURED_ERRORS, type CapturedGraphErrorName } from "./captured-errors"
import { fbtraceId, graphError, type GraphError } from "./graph-errors"

/** What a call asks for, to match `MetaSandboxOptions.answers` rules against. */
export interface AnswerQuery {
  level: "request" | "object"
  token: string | undefined
  id?: string
  /** `/{id}/{edge}` path edge, if any. */
  edge?: string
  /** Raw `fields` parameter: field expansions (`insights.metric(...)`, `comments.limit(...)`) count as the edge. */
  fields?: string | null
}

function asksFor(query: AnswerQuery, edge: string): boolean {
  if (query.edge === edge) return true
  return new RegExp(`(^|[,{])\\s*${edge}\\b`).test(query.fields ?? "")
}

function matches(rule: MetaAnswerRule, query: AnswerQuery): boolean {
  if ((rule.level ?? "object") !== query.level) return false
  if (rule.token !== undefined && rule.token !== query.token) return false
  if (rule.id !== undefined && rule.id !== query.id) return false
  if (rule.edge !== undefined && !asksFor(query, rule.edge)) return false
  return true
}

function toGraphError(error: MetaAnswerRule["error"]): GraphError {
  if (typeof error === "string") {
    const captured = META_CAPTURED_ERRORS[error as CapturedGraphErrorName]
    if (!captured) return graphError(1, `sandbox: no captured error named '${error}'`, { status: 500 })
    return { status: captured.status, body: { error: { ...captured.error, fbtrace_id: fbtraceId() } } as GraphError["body"] }
  }
  return { status: error.status ?? 400, body: { error: { ...error.error, fbtrace_id: fbtraceId() } } as GraphError["body"] }
}

/** The error a rule tells the sandbox to answer this call with, if any. */
export function scriptedAnswer(ctx: SandboxContext, query: AnswerQuery): GraphError | undefined {
  const rule = ctx.options.meta?.answers?.find((r) => matches(r, query))
  return rule ? toGraphError(rule.error) : undefined
}
