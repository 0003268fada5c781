import { keyOf, stringifyFields, type FieldSpec } from "./fields"
import { isGraphError, nonexistingField, type GraphError } from "./graph-errors"
import { graphUrl, pageOf, pagingEnvelope } from "./paging"
import type { GraphScope, Rendered } from "./scope"

/** Returned by a field resolver for a field that exists but has no value here (Graph omits it). */
export const OMIT = Symbol("omit")

/** `undefined` means "no such field on this node type". */
export type FieldResolver = (spec: FieldSpec) => Rendered<unknown> | typeof OMIT | undefined

/**
 * Renders a node: requested fields in request order, plus `id` at the end when it was not
 * requested (Graph always returns it).
 * The first error fails the whole node, which is how one bad `insights.metric(...)` inside a
 * field expansion fails the entire object read.
 */
export function renderNode(id: string, specs: FieldSpec[], nodeType: string, resolve: FieldResolver): Rendered<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  for (const spec of specs) {
    if (spec.name === "id") {
      out[keyOf(spec)] = id
      continue
    }
    const value = resolve(spec)
    if (value === undefined) return nonexistingField(spec.name, nodeType)
    if (value === OMIT) continue
    if (isGraphError(value)) return value
    out[keyOf(spec)] = value
  }
  if (!("id" in out)) out.id = id
  return out
}

export interface EdgeOptions<T> {
  scope: GraphScope
  items: T[]
  key: (item: T) => string
  limit: number
  after?: string | null
  before?: string | null
  /** Edge path for paging links, e.g. "17900000000000007/comments". */
  path: string
  /** Sub-field list the items were rendered with (becomes `fields=` of the links). */
  fields?: FieldSpec[]
  /** Other query parameters the links must repeat (order, filter, summary...). */
  linkParams?: Record<string, string | undefined>
  render: (item: T) => Rendered<Record<string, unknown>>
  summary?: Record<string, unknown>
}

/** `{ data, paging, summary }` of a connection, shared by nested (`comments{...}`) and direct edges. */
export function renderEdge<T>(opts: EdgeOptions<T>): Rendered<Record<string, unknown>> {
  const window = pageOf(opts.items, opts.key, { limit: opts.limit, after: opts.after, before: opts.before })
  if (isGraphError(window)) return window
  const data: Record<string, unknown>[] = []
  for (const item of window.items) {
    const rendered = opts.render(item)
    if (isGraphError(rendered)) return rendered
    data.push(rendered)
  }
  const out: Record<string, unknown> = { data }
  // limit(0) is the "just the summary" idiom: no paging object comes back.
  if (opts.limit > 0) {
    const paging = pagingEnvelope(window, (cursor) =>
      graphUrl(opts.scope.ctx.baseUrl, opts.scope.version, opts.path, {
        access_token: opts.scope.tokenValue,
        fields: opts.fields ? stringifyFields(opts.fields) : undefined,
        ...opts.linkParams,
        limit: String(opts.limit),
        ...cursor,
      })
    )
    if (paging) out.paging = paging
  }
  if (opts.summary) out.summary = opts.summary
  return out
}

export function firstError(values: unknown[]): GraphError | undefined {
  return values.find(isGraphError) as GraphError | undefined
}
