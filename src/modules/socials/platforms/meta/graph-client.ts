import { z } from "@medusajs/framework/zod"
import { PlatformApiError } from "../http/platform-api-error"
import { platformFetch, type PlatformHttpConfig } from "../http/platform-fetch"
import type { BudgetRule } from "../http/rate-budget"
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isNeverRetried, type RetryPolicy } from "../http/retry-policy"
import { retryAfterFromHeaders } from "../http/usage-headers"
import { asPlatformError, chunk } from "../shared/sync-result"
import type { TokenManager } from "../shared/token-manager"
import { metaDialect } from "./dialect"
import { mapMetaErrorBody } from "./errors"

/** Graph Batch API ceiling: more items answer "Maximum batch size is 50". */
export const META_BATCH_LIMIT = 50

/**
 * `requestFailed`: the HTTP request that carried this item failed as a whole (our
 * budget refused it, Meta throttled it, the network gave up), so the item was
 * never evaluated on its own; the other requests' items keep their answers.
 */
export type GraphItemResult = { ok: true; body: unknown } | { ok: false; error: PlatformApiError; requestFailed?: boolean }

export interface GraphClientOptions {
  platform: "instagram" | "facebook"
  baseUrl: string
  version: string
  tokens: TokenManager
  http: Omit<PlatformHttpConfig, "mapError" | "secrets">
  budgets: BudgetRule[]
}

export interface GraphClient {
  readonly platform: "instagram" | "facebook"
  readonly version: string
  /**
   * One result per relative URL ("{id}?fields=..."), in order. One URL is a plain
   * GET; more go through the Batch API, 50 per HTTP request, each item counted as
   * one call. Per-item errors come back as results; so does the failure of one
   * batch request (for its items only, `requestFailed`). A lone GET that fails on
   * the network, token or throttling throws.
   */
  getMany(relativeUrls: string[], operation: string): Promise<GraphItemResult[]>
  /** Turns a `paging.next` URL into a relative URL for getMany; undefined if it points elsewhere. */
  toRelative(nextUrl: string): string | undefined
}

const batchItemSchema = z
  .object({
    code: z.number(),
    body: z.string().nullish(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })).nullish(),
  })
  .nullable()
const batchResponseSchema = z.array(batchItemSchema)

/**
 * Item-level retries (timeouts inside the batch, code 1/2, 5xx) happen once, in one follow-up
 * batch; what the policy never retries stays failed, and throttled items wait for the next run.
 */
function isTransientItem(result: GraphItemResult, policy: RetryPolicy): boolean {
  return !result.ok && !result.requestFailed && !isNeverRetried(policy, result.error) && !result.error.isRateLimit
}

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const { platform, version, tokens } = options
  const root = `${options.baseUrl.replace(/\/+$/, "")}/${version}`
  const http: PlatformHttpConfig = { ...options.http, dialect: metaDialect(platform), secrets: () => tokens.secrets() }

  // Graph takes the token as a Bearer header (the Batch API too), so no URL we send or log carries it.
  const auth = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` })

  async function getOne(relative: string, operation: string): Promise<GraphItemResult> {
    try {
      const res = await tokens.withToken((token) =>
        platformFetch({ platform, method: "GET", url: `${root}/${relative}`, headers: auth(token), budgets: options.budgets, units: 1, operation }, http)
      )
      return { ok: true, body: res.data }
    } catch (error) {
      if (error instanceof PlatformApiError && !error.isAuth && !error.isRateLimit && error.kind !== "network" && error.kind !== "timeout") {
        return { ok: false, error }
      }
      throw error
    }
  }

  async function batchOnce(relatives: string[], operation: string): Promise<GraphItemResult[]> {
    const res = await tokens.withToken((token) => {
      const body = new URLSearchParams({
        include_headers: "false",
        batch: JSON.stringify(relatives.map((relative_url) => ({ method: "GET", relative_url }))),
      })
      return platformFetch({ platform, method: "POST", url: `${root}/`, headers: auth(token), body, budgets: options.budgets, units: relatives.length, operation }, http)
    })
    const parsed = batchResponseSchema.safeParse(res.data)
    if (!parsed.success || parsed.data.length !== relatives.length) {
      throw new PlatformApiError({ platform, kind: "malformed_response", status: res.status, code: "batch_shape", detail: "batch answer does not match the request", secrets: tokens.secrets() })
    }
    // A throttled item says nothing about when; the batch's own usage headers (or the policy default) do.
    const policy = options.http.retry ?? DEFAULT_RETRY_POLICY
    const throttleWait = retryAfterFromHeaders(res.headers, (options.http.now ?? Date.now)()) || policy.defaultRateLimitRetryAfterMs
    return parsed.data.map((item, i): GraphItemResult => {
      const url = `${root}/${relatives[i]}`
      // Meta answers null for an item that timed out inside the batch.
      if (!item) return { ok: false, error: new PlatformApiError({ platform, kind: "timeout", code: "batch_item_timeout", url, secrets: tokens.secrets() }) }
      let body: unknown
      try {
        body = item.body ? JSON.parse(item.body) : undefined
      } catch {
        return { ok: false, error: new PlatformApiError({ platform, kind: "malformed_response", status: item.code, code: "malformed_json", url, secrets: tokens.secrets() }) }
      }
      if (item.code >= 200 && item.code < 300) return { ok: true, body }
      const error = mapMetaErrorBody(platform, item.code, body, { url, secrets: tokens.secrets() })
      return { ok: false, error: error.isRateLimit && error.retryAfterMs === undefined ? error.withRetryAfter(throttleWait) : error }
    })
  }

  /**
   * The chunks go out together (the request limit caps how many are open), each
   * booked on the budget right before it is sent. A chunk that fails (refused by
   * our budget, throttled, timed out) fails only its own items.
   */
  async function batchAll(relatives: string[], operation: string): Promise<GraphItemResult[]> {
    const parts = chunk(relatives, META_BATCH_LIMIT)
    const settled = await Promise.allSettled(parts.map((part) => batchOnce(part, operation)))
    return settled.flatMap((s, i) => {
      if (s.status === "fulfilled") return s.value
      const error = asPlatformError(platform, s.reason)
      return parts[i].map((): GraphItemResult => ({ ok: false, error, requestFailed: true }))
    })
  }

  async function batch(relatives: string[], operation: string): Promise<GraphItemResult[]> {
    const results = await batchAll(relatives, operation)
    const policy = options.http.retry ?? DEFAULT_RETRY_POLICY
    const retry = results.map((r, i) => (isTransientItem(r, policy) ? i : -1)).filter((i) => i >= 0)
    const delay = backoffDelayMs(policy, 0, options.http.random)
    if (retry.length && policy.maxRetries > 0 && delay <= policy.maxWaitMs) {
      await (options.http.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))))(delay)
      const again = await batchAll(retry.map((i) => relatives[i]), `${operation}.retry`)
      retry.forEach((index, k) => (results[index] = again[k]))
    }
    return results
  }

  return {
    platform,
    version,
    async getMany(relativeUrls, operation) {
      if (relativeUrls.length === 0) return []
      if (relativeUrls.length === 1) return [await getOne(relativeUrls[0], operation)]
      return batch(relativeUrls, operation)
    },
    toRelative(nextUrl) {
      let parsed: URL
      try {
        parsed = new URL(nextUrl)
      } catch {
        return undefined
      }
      const rootUrl = new URL(`${root}/`)
      // Never send our token to a host the platform did not give us as its own.
      if (parsed.origin !== rootUrl.origin) return undefined
      const basePath = new URL(`${options.baseUrl.replace(/\/+$/, "")}/`).pathname
      if (!parsed.pathname.startsWith(basePath)) return undefined
      const path = parsed.pathname.slice(basePath.length).replace(/^v\d+\.\d+\//, "")
      parsed.searchParams.delete("access_token")
      const query = parsed.searchParams.toString()
      return query ? `${path}?${query}` : path
    },
  }
}
