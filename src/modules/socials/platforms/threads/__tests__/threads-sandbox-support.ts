import { startThreadsSandbox, type ThreadsSandboxHandle } from "../../../../../../sandbox/threads/server"
import type { ThreadsSandboxOptions } from "../../../../../../sandbox/threads/types"
import { resolveSocialsConfig, type SocialsConfigInput } from "../../config"
import { createRequestCounter, InMemoryRateBudgetStore, type RequestCounter } from "../../http"
import type { PlatformCredentials, RefreshedToken, SyncContext, SyncLogger } from "../../types"
import { threadsConfigFrom, type ConfigWithThreads, type ThreadsConfigInput } from "../config"

/**
 * One Threads sandbox for the enclosing `describe`, restored to its seed before each test and
 * then given `options`. Returns a stand-in that forwards to the running handle.
 */
export function useThreadsSandbox(options: ThreadsSandboxOptions = {}): ThreadsSandboxHandle {
  let running: ThreadsSandboxHandle | undefined
  const current = (): ThreadsSandboxHandle => {
    if (!running) throw new Error("useThreadsSandbox: the sandbox only runs inside tests and hooks")
    return running
  }
  beforeAll(async () => {
    running = await startThreadsSandbox()
  })
  afterAll(async () => {
    await running?.stop()
  })
  beforeEach(() => {
    current().sandbox.reset({ fixtures: true })
    current().sandbox.setOptions(options)
  })
  return new Proxy({} as ThreadsSandboxHandle, { get: (_, key) => Reflect.get(current(), key) })
}

export interface ThreadsTestContext extends SyncContext {
  counter: RequestCounter
  refreshed: RefreshedToken[]
  warnings: string[]
}

/** A SyncContext pointed at the Threads sandbox, retries shrunk so failures are fast. */
export function threadsContext(
  sb: ThreadsSandboxHandle,
  credentials: PlatformCredentials,
  overrides: { config?: SocialsConfigInput; threads?: ThreadsConfigInput; budgetStore?: SyncContext["budgetStore"] } = {}
): ThreadsTestContext {
  const counter = createRequestCounter()
  const refreshed: RefreshedToken[] = []
  const warnings: string[] = []
  const logger: SyncLogger = { info: () => {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) }
  const config: ConfigWithThreads = {
    ...resolveSocialsConfig({ retryBaseDelayMs: 2, maxWaitMs: 500, requestTimeoutMs: 2_000, ...overrides.config }, {}),
    threads: threadsConfigFrom(overrides.threads ?? {}, sb.env),
  }
  return {
    config,
    credentials,
    budgetStore: overrides.budgetStore ?? new InMemoryRateBudgetStore(),
    onTokenRefreshed: (t) => {
      refreshed.push(t)
    },
    onRequest: counter.onRequest,
    logger,
    counter,
    refreshed,
    warnings,
  }
}
