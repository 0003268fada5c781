import type { SandboxContext, TokenFixture } from "../types"
import type { GraphError } from "./graph-errors"

/** A business object a call touched, as Graph keys `X-Business-Use-Case-Usage`. */
export interface BusinessObject {
  id: string
  type: "pages" | "instagram"
}

/** Everything one Graph call (top-level or batch item) is evaluated against. */
export interface GraphScope {
  ctx: SandboxContext
  /** "v25.0" */
  version: string
  versionNumber: number
  token: TokenFixture
  /** Raw token, echoed into paging links. */
  tokenValue: string
  params: URLSearchParams
}

/** A successful render, or the Graph error that fails the whole call. */
export type Rendered<T> = T | GraphError

/** Meta business objects a token may read: its own account and the ones linked to it. */
export function canRead(token: TokenFixture, ownerId: string): boolean {
  return token.account_id === ownerId || (token.linked_account_ids ?? []).includes(ownerId)
}

/** Undefined permissions = everything granted (the demo tokens). Any one of `names` suffices. */
export function hasPermission(token: TokenFixture, ...names: string[]): boolean {
  return !token.permissions || names.some((n) => token.permissions?.includes(n))
}

/** ISO 8601 -> Graph's "2019-09-26T22:36:43+0000". */
export function graphTime(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, "+0000")
}

/** Graph ids are digits (with "_" for Page posts); anything else can't be an object id. */
export function looksLikeId(segment: string): boolean {
  return /^[0-9]+(_[0-9]+)?$/.test(segment)
}

export function parseLimit(raw: string | null | undefined, fallback: number, max: number): number {
  if (raw === null || raw === undefined || raw === "") return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) return fallback
  return Math.min(Math.floor(n), max)
}
