import { startSandbox, type SandboxHandle } from "../../../../../sandbox/server"
import type { SandboxOptions, SandboxStats } from "../../../../../sandbox/types"
import { resolveSocialsConfig, type SocialsConfigInput } from "../config"
import { createRequestCounter, InMemoryRateBudgetStore, type RequestCounter } from "../http"
import { InMemoryRefusedMetricsStore, type RefusedMetricsStore } from "../meta/refused-metrics"
import type { MetaSyncContext } from "../meta/meta-context"
import type { PlatformCredentials, RefreshedToken, SyncContext } from "../types"

export async function bootSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ port: 0, ...options })
}

/**
 * One sandbox for the enclosing `describe`: booted before its tests, stopped after them, and
 * restored to its initial data (`reset({ fixtures: true })`) before each test, then `prepare`d.
 * Returns a stand-in that forwards to the running sandbox, so use it inside tests and hooks only.
 */
export function useSandbox(prepare: (sandbox: SandboxHandle) => void = () => {}, options: SandboxOptions = {}): SandboxHandle {
  let running: SandboxHandle | undefined
  const current = (): SandboxHandle => {
    if (!running) throw new Error("useSandbox: the sandbox only runs inside tests and hooks")
    return running
  }
  beforeAll(async () => {
    running = await bootSandbox(options)
  })
  afterAll(async () => {
    await running?.stop()
  })
  beforeEach(() => {
    current().reset({ fixtures: true })
    prepare(current())
  })
  return new Proxy({} as SandboxHandle, { get: (_, key) => Reflect.get(current(), key) })
}

/** The sandbox's own request counters, read over HTTP as an outside observer would. */
export async function sandboxStats(sandbox: SandboxHandle): Promise<SandboxStats> {
  const res = await fetch(`${sandbox.url}/_control/stats`)
  return (await res.json()) as SandboxStats
}

export interface TestContext extends MetaSyncContext {
  counter: RequestCounter
  refreshed: RefreshedToken[]
}

/** A SyncContext pointed at the sandbox, with retries shrunk so failures are fast. */
export function contextFor(
  sandbox: SandboxHandle,
  credentials: PlatformCredentials,
  overrides: { config?: SocialsConfigInput; mode?: SyncContext["mode"]; budgetStore?: SyncContext["budgetStore"]; refusedMetrics?: RefusedMetricsStore } = {}
): TestContext {
  const counter = createRequestCounter()
  const refreshed: RefreshedToken[] = []
  const config = resolveSocialsConfig({ retryBaseDelayMs: 2, maxWaitMs: 500, requestTimeoutMs: 2_000, ...overrides.config }, sandbox.env)
  return {
    config,
    credentials,
    budgetStore: overrides.budgetStore ?? new InMemoryRateBudgetStore(),
    refusedMetrics: overrides.refusedMetrics ?? new InMemoryRefusedMetricsStore(),
    onTokenRefreshed: (t) => {
      refreshed.push(t)
    },
    mode: overrides.mode,
    onRequest: counter.onRequest,
    counter,
    refreshed,
  }
}

export function comments(prefix: string, count: number, newest: number, spacingMs = 60_000) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${String(i + 1).padStart(6, "0")}`,
    text: `comment ${i + 1}`,
    from: { id: `u${i}`, name: `user_${i}` },
    created_time: new Date(newest - i * spacingMs).toISOString(),
    like_count: i % 3,
  }))
}
