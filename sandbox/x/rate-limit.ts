import type { SandboxContext, TokenFixture } from "../types"
import { endpointLimit, rateLimitWindowMs, type XEndpoint } from "./options"

interface Window {
  startedAt: number
  used: number
}

export interface RateLimitOutcome {
  exceeded: boolean
  /** x-rate-limit-* headers, sent on every authenticated response. */
  headers: Record<string, string>
}

/**
 * Fixed 15-minute windows per token and endpoint, opened by the first request, as X reports
 * them: `x-rate-limit-reset` is the window's end in epoch seconds. A refused request does not
 * use up anything. With `rateLimits: false` nothing is counted, but the headers still go out.
 */
export function takeRateLimit(ctx: SandboxContext, endpoint: XEndpoint, token: TokenFixture): RateLimitOutcome {
  const windows = ctx.state("x:rate-limit-windows", () => new Map<string, Window>())
  const key = `${endpoint} ${token.token}`
  const limit = endpointLimit(ctx, endpoint, token)
  const now = ctx.now()
  const length = rateLimitWindowMs(ctx)

  let window = windows.get(key)
  if (!window || now >= window.startedAt + length) {
    window = { startedAt: now, used: 0 }
    windows.set(key, window)
  }
  const enforced = ctx.options.rateLimits !== false
  const exceeded = enforced && window.used >= limit
  if (enforced && !exceeded) window.used += 1

  return {
    exceeded,
    headers: {
      "x-rate-limit-limit": String(limit),
      "x-rate-limit-remaining": String(Math.max(0, limit - window.used)),
      "x-rate-limit-reset": String(Math.ceil((window.startedAt + length) / 1000)),
    },
  }
}
