import type { SandboxContext } from "../types"
import { authenticate, executeGet, type CallResult } from "./graph-call"
import { graphError, isGraphError, missingToken, type GraphError } from "./graph-errors"
import type { MetaRateLimiter } from "./rate-limit"
import type { BusinessObject } from "./scope"
import { parseVersion } from "./version"

/** https://developers.facebook.com/docs/graph-api/batch-requests: "limited to 50 requests per batch". */
export const MAX_BATCH = 50

interface BatchItem {
  method?: string
  relative_url?: string
}

export interface BatchOutcome {
  status: number
  body: unknown
  objects: BusinessObject[]
}

/**
 * `POST /{version}/` with `batch=[...]`. Every item is evaluated on its own (its own token,
 * rate-limit unit and error), so one deleted post comes back as a 100/33 item among 200s.
 */
export function executeBatch(
  ctx: SandboxContext,
  version: string,
  params: URLSearchParams,
  topToken: string | undefined,
  limiter: MetaRateLimiter
): BatchOutcome {
  const raw = params.get("batch")
  if (raw === null) return fail(graphError(100, "(#100) The parameter batch is required"))
  let items: unknown
  try {
    items = JSON.parse(raw)
  } catch {
    return fail(graphError(100, "(#100) param batch must be a JSON-encoded array", { type: "GraphBatchException" }))
  }
  if (!Array.isArray(items)) return fail(graphError(100, "(#100) param batch must be a JSON-encoded array", { type: "GraphBatchException" }))
  if (items.length > MAX_BATCH) {
    // UNCONFIRMED code; the message and type are the documented ones (§1.8).
    return fail(graphError(1, `Too many requests in batch message. Maximum batch size is ${MAX_BATCH}`, { type: "GraphBatchException" }))
  }

  // An invalid top-level token fails the whole batch; without one, items must carry their own.
  if (topToken) {
    const auth = authenticate(ctx.findToken, topToken, ctx.now())
    if (isGraphError(auth)) return fail(auth)
  }

  const includeHeaders = params.get("include_headers") !== "false"
  const objects: BusinessObject[] = []
  const out = (items as BatchItem[]).map((item) => {
    const res = executeItem(ctx, version, item, topToken, limiter)
    objects.push(...res.objects)
    const entry: Record<string, unknown> = { code: res.status }
    if (includeHeaders) {
      entry.headers = [
        { name: "Content-Type", value: "text/javascript; charset=UTF-8" },
        { name: "Cache-Control", value: "private, no-cache, no-store, must-revalidate" },
        { name: "facebook-api-version", value: version },
      ]
    }
    // The body is a JSON *string*: clients parse it a second time.
    entry.body = JSON.stringify(res.body)
    return entry
  })
  return { status: 200, body: out, objects }
}

function executeItem(ctx: SandboxContext, batchVersion: string, item: BatchItem, topToken: string | undefined, limiter: MetaRateLimiter): CallResult {
  const method = (item?.method ?? "GET").toUpperCase()
  if (typeof item?.relative_url !== "string") return errorResult(graphError(100, "(#100) Missing relative_url in batch request"))
  const [rawPath, rawQuery = ""] = item.relative_url.replace(/^\/+/, "").split("?", 2)
  const params = new URLSearchParams(rawQuery)
  let segments = rawPath.split("/").filter(Boolean)
  let version = batchVersion
  if (segments[0] && /^v\d/.test(segments[0])) {
    const parsed = parseVersion(segments[0])
    if (isGraphError(parsed)) return errorResult(parsed)
    version = parsed.version
    segments = segments.slice(1)
  }
  if (method !== "GET") return errorResult(graphError(100, `(#100) The sandbox batch emulation only supports GET, got ${method}`, { type: "GraphMethodException" }))

  const tokenValue = params.get("access_token") ?? topToken
  if (!tokenValue) return errorResult(missingToken())
  const token = authenticate(ctx.findToken, tokenValue, ctx.now())
  if (isGraphError(token)) return errorResult(token)
  return executeGet({ ctx, version, versionNumber: Number(version.slice(1).split(".")[0]), token, tokenValue, params }, segments, limiter)
}

function errorResult(e: GraphError): CallResult {
  return { status: e.status, body: e.body, objects: [] }
}

function fail(e: GraphError): BatchOutcome {
  return { status: e.status, body: e.body, objects: [] }
}
