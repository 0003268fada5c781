import { afterAll, afterEach, beforeAll } from "vitest"
import { startSandbox, type SandboxHandle } from "../server"
import type { SandboxOptions } from "../types"
import { LINKEDIN_DEMO_TOKENS } from "../linkedin/seed"
import { X_DEMO_TOKENS } from "../x/seed"

/** Pinned clock for every X / LinkedIn contract test: Mon 24 Aug 2026, 12:00 UTC. */
export const NOW = Date.UTC(2026, 7, 24, 12, 0, 0)
export const DAY_MS = 24 * 3600 * 1000
/** Active on NOW (202509..202608 are); 202508 is the docs' example of a sunset version. */
export const LI_VERSION = "202608"

export interface Pinned {
  sb: SandboxHandle
  clock: { now: number }
}

/** A sandbox with the default seed, dated from a clock the test can move. */
export async function startPinned(options: SandboxOptions = {}): Promise<Pinned> {
  const clock = { now: NOW }
  const sb = await startSandbox({ ...options, now: () => clock.now })
  return { sb, clock }
}

/**
 * A pinned sandbox for the enclosing `describe`: started before its tests, stopped after them,
 * with `cleanUp` run after each test. The returned object is filled in once the sandbox runs.
 */
export function usePinned(cleanUp?: (p: Pinned) => void, options: SandboxOptions = {}): Pinned {
  const p = {} as Pinned
  beforeAll(async () => {
    Object.assign(p, await startPinned(options))
  })
  if (cleanUp) {
    afterEach(() => {
      cleanUp(p)
    })
  }
  afterAll(async () => {
    await p.sb.stop()
  })
  return p
}

export interface Answer {
  status: number
  headers: Headers
  /** Parsed JSON. Loosely typed on purpose: the assertions are what check its shape. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
}

export async function xGet(sb: SandboxHandle, path: string, token: string | null = X_DEMO_TOKENS.user): Promise<Answer> {
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` }
  return answer(await fetch(sb.urls.x + path, { headers }))
}

export async function formPost(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  return answer(
    await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(form).toString(),
    })
  )
}

export interface LiOptions {
  token?: string | null
  /** Header overrides; a null value drops the header. */
  headers?: Record<string, string | null>
}

export async function liGet(sb: SandboxHandle, path: string, opts: LiOptions = {}): Promise<Answer> {
  const token = opts.token === undefined ? LINKEDIN_DEMO_TOKENS.member : opts.token
  const merged: Record<string, string | null> = {
    "linkedin-version": LI_VERSION,
    "x-restli-protocol-version": "2.0.0",
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...opts.headers,
  }
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(merged)) if (v !== null) headers[k] = v
  return answer(await fetch(sb.urls.linkedin + path, { headers }))
}

/** Rest.li 2.0 encoding of a URN (path key or List element). */
export function enc(urn: string): string {
  return encodeURIComponent(urn).replace(/\(/g, "%28").replace(/\)/g, "%29")
}

export function list(urns: string[]): string {
  return `List(${urns.map(enc).join(",")})`
}
