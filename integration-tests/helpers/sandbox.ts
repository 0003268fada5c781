import { startSandbox, type SandboxHandle } from "../../sandbox/server"
import type { SandboxOptions } from "../../sandbox/types"

/**
 * Starts the platform sandbox before Medusa boots (top-level hooks run before the
 * runner's own) and points the plugin at it through the same variables a
 * merchant would set.
 */
export function useSandbox(options: SandboxOptions = {}): () => SandboxHandle {
  let sandbox: SandboxHandle | undefined
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, ...options })
    Object.assign(process.env, sandbox.env, {
      SOCIALS_RETRY_BASE_DELAY_MS: "5",
      SOCIALS_MAX_WAIT_MS: "200",
      SOCIALS_REQUEST_TIMEOUT_MS: "2000",
    })
  })
  afterAll(async () => {
    await sandbox?.stop()
  })
  return () => {
    if (!sandbox) {
      throw new Error("sandbox not started")
    }
    return sandbox
  }
}
