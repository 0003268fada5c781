import { PlatformApiError } from "../platform-api-error"
import { backoffDelayMs, decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from "../retry-policy"

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000, maxWaitMs: 2_000, maxRetries: 3 }
const err = (init: Partial<ConstructorParameters<typeof PlatformApiError>[0]>): PlatformApiError =>
  new PlatformApiError({ platform: "twitter", kind: "server", ...init })

describe("retry policy", () => {
  it("never retries 400/401/403/404 or non-transient kinds", () => {
    for (const [status, kind] of [[400, "invalid_request"], [401, "auth"], [403, "permission"], [404, "not_found"]] as const) {
      expect(decideRetry(policy, err({ status, kind }), 0, 0).retry).toBe(false)
    }
  })

  it("retries 5xx, network, timeouts and malformed JSON with growing jittered backoff", () => {
    for (const kind of ["server", "network", "timeout", "malformed_response"] as const) {
      const d = decideRetry(policy, err({ kind, status: kind === "server" ? 503 : undefined }), 0, 0, () => 0.5)
      expect(d).toEqual({ retry: true, delayMs: 75 })
    }
    expect(backoffDelayMs(policy, 0, () => 0)).toBe(50)
    expect(backoffDelayMs(policy, 0, () => 1)).toBe(100)
    expect(backoffDelayMs(policy, 2, () => 1)).toBe(400)
    expect(backoffDelayMs(policy, 10, () => 1)).toBe(1_000)
  })

  it("stops after maxRetries and when the total wait would pass maxWaitMs", () => {
    expect(decideRetry(policy, err({ status: 500 }), 3, 0).retry).toBe(false)
    expect(decideRetry(policy, err({ status: 500 }), 1, 1_990, () => 1).retry).toBe(false)
  })

  it("honours a rate-limit wait that fits, and fails fast with retryAfterMs when it does not", () => {
    expect(decideRetry(policy, err({ kind: "rate_limit", status: 429, retryAfterMs: 1_500 }), 0, 0)).toEqual({ retry: true, delayMs: 1_500 })
    const d = decideRetry(policy, err({ kind: "rate_limit", status: 429, retryAfterMs: 900_000 }), 0, 0)
    expect(d.retry).toBe(false)
    if (!d.retry) {
      expect(d.error.isRateLimit).toBe(true)
      expect(d.error.retryAfterMs).toBe(900_000)
      expect(d.error.message).toBe("Rate limit exceeded")
    }
  })

  it("backs off on a bare 429, but does not spin on a throttle code without a wait hint", () => {
    expect(decideRetry(policy, err({ kind: "rate_limit", status: 429 }), 0, 0, () => 1)).toEqual({ retry: true, delayMs: 100 })
    const meta = decideRetry(policy, err({ kind: "rate_limit", status: 400, code: 80002 }), 0, 0)
    expect(meta.retry).toBe(false)
    if (!meta.retry) expect(meta.error.retryAfterMs).toBe(policy.defaultRateLimitRetryAfterMs)
  })
})
