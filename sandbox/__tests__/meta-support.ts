import { startSandbox, type SandboxHandle } from "../server"
import type { SandboxOptions } from "../types"

/** Fixed clock: Nov 23 2026 12:00 UTC (past the ?ids= removal, inside v21..v26). */
export const FIXED_NOW = Date.UTC(2026, 10, 23, 12, 0, 0)

export interface GraphResponse {
  status: number
  headers: Headers
  // Graph bodies are free-form JSON that each test indexes into differently; typing every
  // shape here would only restate the assertions.
  body: any
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ port: 0, now: () => FIXED_NOW, ...options })
}

/** GET `/meta/{path}` with the given query (access_token included by the caller). */
export async function graphGet(sb: SandboxHandle, path: string, query: Record<string, string> = {}): Promise<GraphResponse> {
  const qs = new URLSearchParams(query).toString()
  const res = await fetch(`${sb.urls.meta}${path}${qs ? `?${qs}` : ""}`)
  return { status: res.status, headers: res.headers, body: await res.json() }
}

/** Follows an absolute paging link as a client would. */
export async function getUrl(url: string): Promise<GraphResponse> {
  const res = await fetch(url)
  return { status: res.status, headers: res.headers, body: await res.json() }
}

export async function graphBatch(sb: SandboxHandle, version: string, form: Record<string, string>): Promise<GraphResponse> {
  const res = await fetch(`${sb.urls.meta}/${version}/`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  })
  return { status: res.status, headers: res.headers, body: await res.json() }
}

export async function control(sb: SandboxHandle, method: "GET" | "POST", path: string, body?: unknown): Promise<GraphResponse> {
  const res = await fetch(`${sb.url}/_control${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, headers: res.headers, body: await res.json() }
}
