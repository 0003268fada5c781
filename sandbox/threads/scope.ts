import type { ThreadsFixtures, ThreadsSandboxOptions, ThreadsTokenFixture } from "./types"

/** What one authenticated Graph read of the Threads sandbox works with. */
export interface ThreadsScope {
  fixtures: ThreadsFixtures
  options: ThreadsSandboxOptions
  token: ThreadsTokenFixture
  query: URLSearchParams
  version: string
  /** Absolute root of the Threads host ("http://127.0.0.1:4010/threads"), for paging links. */
  baseUrl: string
  now: number
}
