import { startThreadsSandbox, type ThreadsSandboxHandle } from "../threads/server"
import type { ThreadsSandboxOptions } from "../threads/types"

/** Fixed clock: Nov 23 2026 12:00 UTC, so token ages and post dates are stable. */
export const THREADS_FIXED_NOW = Date.UTC(2026, 10, 23, 12, 0, 0)

export interface ThreadsResponse {
  status: number
  headers: Headers
  // Graph bodies are free-form JSON each test indexes differently.
  body: any
}

export async function startThreadsTestSandbox(options: ThreadsSandboxOptions = {}): Promise<ThreadsSandboxHandle> {
  const handle = await startThreadsSandbox({ now: () => THREADS_FIXED_NOW })
  handle.sandbox.setOptions(options)
  return handle
}

/** GET `/threads{path}`; the token goes in the Authorization header unless `query.access_token` is given. */
export async function threadsGet(sb: ThreadsSandboxHandle, path: string, query: Record<string, string> = {}, token?: string): Promise<ThreadsResponse> {
  const qs = new URLSearchParams(query).toString()
  return getUrl(`${sb.apiUrl}${path}${qs ? `?${qs}` : ""}`, token)
}

export async function getUrl(url: string, token?: string): Promise<ThreadsResponse> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : undefined })
  return { status: res.status, headers: res.headers, body: await res.json() }
}
