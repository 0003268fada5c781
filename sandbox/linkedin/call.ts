import type { LinkedInPostFixture, SandboxContext, SandboxReply, SandboxRequest, TokenFixture } from "../types"
import { notFound } from "./errors"
import { linkedInOptions } from "./options"
import { encodeUrn } from "./restli"

/** One authenticated, quota-counted /rest call handed to a resource. */
export interface LinkedInCall {
  req: SandboxRequest
  ctx: SandboxContext
  token: TokenFixture
  /** The LinkedIn-Version header, already checked. */
  version: string
}

type Json = Record<string, unknown>

export function livePost(ctx: SandboxContext, urn: string): LinkedInPostFixture | undefined {
  const post = ctx.lookup("linkedin", urn)
  return post && !post.deleted ? post : undefined
}

/** GET on one entity: its rendering, or 404 for an unknown or deleted URN. */
export function getOne(call: LinkedInCall, urn: string, render: (post: LinkedInPostFixture) => Json): SandboxReply {
  const post = livePost(call.ctx, urn)
  return post ? { status: 200, body: render(post) } : notFound()
}

/**
 * BATCH_GET: found entities under `results`, missing ones under `errors`, both keyed by URN
 * (decoded by default; `linkedin.batchResultKeys: "encoded"` for the other spelling seen live).
 */
export function batchGet(call: LinkedInCall, urns: string[], render: (post: LinkedInPostFixture) => Json): SandboxReply {
  const keyOf = linkedInOptions(call.ctx).batchResultKeys === "encoded" ? encodeUrn : (urn: string) => urn
  const results: Record<string, Json> = {}
  const errors: Record<string, Json> = {}
  for (const urn of new Set(urns)) {
    const post = livePost(call.ctx, urn)
    if (post) results[keyOf(urn)] = render(post)
    else errors[keyOf(urn)] = { status: 404, code: "RESOURCE_NOT_FOUND", message: "No virtual resource found" }
  }
  return { status: 200, body: { results, statuses: {}, errors } }
}

/** Non-negative integer query value, the default when absent, undefined when malformed. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number | undefined {
  const raw = query.get(name)
  if (raw === null) return fallback
  const value = Number(raw)
  return /^\d+$/.test(raw) && Number.isSafeInteger(value) ? value : undefined
}
