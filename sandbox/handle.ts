import type { ThreadsSandbox } from "./threads/sandbox"
import type { SandboxFaults, SandboxFixtures, SandboxLogEntry, SandboxOptions, SandboxStats } from "./types"

export interface SandboxUrls {
  meta: string
  instagram: string
  x: string
  linkedin: string
}

/** What startSandbox resolves to; also what the /_control routes operate on. */
export interface SandboxHandle {
  /** Root URL, e.g. "http://127.0.0.1:4010". */
  url: string
  urls: SandboxUrls
  /** Ready to merge into process.env of the code under test. */
  env: Record<string, string>
  /** Live fixtures: edits are seen by the next request. */
  fixtures: SandboxFixtures
  /** Replaces the collections present in `partial` (the others are kept). */
  setFixtures(partial: Partial<SandboxFixtures>): void
  /** Upserts by id / urn / token. */
  addFixtures(partial: Partial<SandboxFixtures>): void
  /** Replaces the armed faults (pass {} to disarm). */
  setFaults(faults: SandboxFaults): void
  faults(): SandboxFaults
  /** Changes options at run time (rateLimits, latency, meta knobs...). */
  setOptions(partial: Partial<SandboxOptions>): void
  stats(): SandboxStats
  log(limit?: number): SandboxLogEntry[]
  /** The Threads family (its own fixtures, tokens and request log), mounted under /threads. */
  threads: ThreadsSandbox
  /** Clears counters, log, faults and handler state; `fixtures: true` also restores the initial data set. */
  reset(opts?: { fixtures?: boolean }): void
  stop(): Promise<void>
}

/** The platforms' base URLs under the sandbox's root. */
export function sandboxUrls(root: string): SandboxUrls {
  return { meta: `${root}/meta`, instagram: `${root}/meta`, x: `${root}/x`, linkedin: `${root}/linkedin` }
}

/** The environment that points the code under test at the sandbox. */
export function sandboxEnv(root: string, urls: SandboxUrls): Record<string, string> {
  return {
    META_GRAPH_API_URL: urls.meta,
    INSTAGRAM_GRAPH_API_URL: urls.instagram,
    X_API_URL: urls.x,
    LINKEDIN_API_URL: urls.linkedin,
    THREADS_GRAPH_API_URL: `${root}/threads`,
    // Authorization pages (Allow / Deny) of "Connect account"; credentials: SANDBOX_OAUTH_APPS.
    META_OAUTH_DIALOG_URL: urls.meta,
    X_OAUTH_AUTHORIZE_URL: `${urls.x}/i/oauth2/authorize`,
    LINKEDIN_OAUTH_URL: `${urls.linkedin}/oauth/v2`,
    THREADS_OAUTH_URL: `${root}/threads/oauth/authorize`,
  }
}
