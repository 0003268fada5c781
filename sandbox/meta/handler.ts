import { isFormBody } from "../core/http-util"
import type { PlatformHandler, SandboxReply, SandboxRequest } from "../types"
import { scriptedAnswer } from "./answers"
import { executeBatch } from "./batch"
import { authenticate, executeGet } from "./graph-call"
import { fbtraceId, isGraphError, missingToken, unsupportedPost, type GraphError } from "./graph-errors"
import { MetaRateLimiter } from "./rate-limit"
import { handleMetaOAuth } from "./oauth"
import { missingVersion, parseVersion } from "./version"

/**
 * Graph API emulation (Facebook Pages + Instagram share this host): `/{version}/{id}`,
 * `/{version}/{id}/{edge}`, `/{version}/me`, the Batch API on `POST /{version}/`, and the
 * removed `?ids=` lookup.
 */
export const handleMetaRequest: PlatformHandler = (req, ctx) => {
  const limiter = ctx.state("meta.rateLimiter", () => new MetaRateLimiter(ctx))
  const segments = req.path.split("/").filter(Boolean)
  if (segments.length === 0) return errorReply(missingVersion())
  if (!/^v\d/.test(segments[0])) return errorReply(missingVersion())
  const parsed = parseVersion(segments[0])
  if (isGraphError(parsed)) return errorReply(parsed)
  const rest = segments.slice(1)
  const params = requestParams(req)
  // Facebook Login (dialog, token exchanges, /me/accounts of a user token): sandbox/meta/oauth.ts.
  const oauth = handleMetaOAuth(ctx, { method: req.method, params, authorization: req.headers["authorization"] }, parsed.version, rest, (status, body) => reply(status, body, parsed.version, {}))
  if (oauth) return oauth
  const tokenValue = params.get("access_token") ?? bearer(req)
  const scripted = scriptedAnswer(ctx, { level: "request", token: tokenValue })
  if (scripted) return errorReply(scripted, parsed.version)

  if (req.method === "POST" && rest.length === 0) {
    const outcome = executeBatch(ctx, parsed.version, params, tokenValue, limiter)
    return reply(outcome.status, outcome.body, parsed.version, tokenValue ? limiter.headers(tokenValue, outcome.objects) : {})
  }
  if (req.method !== "GET") return errorReply(unsupportedPost(), parsed.version)

  if (!tokenValue) return errorReply(missingToken(), parsed.version)
  const token = authenticate(ctx.findToken, tokenValue, ctx.now())
  if (isGraphError(token)) return errorReply(token, parsed.version)

  const scope = { ctx, version: parsed.version, versionNumber: parsed.number, token, tokenValue, params }
  const res = executeGet(scope, rest, limiter)
  return reply(res.status, res.body, parsed.version, limiter.headers(tokenValue, res.objects))
}

/** Query plus, for POST, the form (or JSON) body: Graph reads parameters from either. */
function requestParams(req: SandboxRequest): URLSearchParams {
  const params = new URLSearchParams(req.query)
  if (req.method !== "POST" || !req.body) return params
  if (isFormBody(req.headers, req.body)) {
    for (const [k, v] of new URLSearchParams(req.body)) params.set(k, v)
    return params
  }
  if ((req.headers["content-type"] ?? "").includes("json")) {
    try {
      const json: unknown = JSON.parse(req.body)
      if (json && typeof json === "object" && !Array.isArray(json)) {
        for (const [k, v] of Object.entries(json)) params.set(k, typeof v === "string" ? v : JSON.stringify(v))
      }
    } catch {
      // A broken JSON body reads as "no parameters"; the missing `batch` then answers with Graph's error.
    }
  }
  return params
}

/** Graph also takes `Authorization: Bearer|OAuth <token>`. */
function bearer(req: SandboxRequest): string | undefined {
  const auth = req.headers["authorization"]
  const match = auth ? /^(?:bearer|oauth)\s+(.+)$/i.exec(auth.trim()) : null
  return match?.[1]
}

function reply(status: number, body: unknown, version: string, headers: Record<string, string>): SandboxReply {
  return {
    status,
    body,
    headers: {
      "facebook-api-version": version,
      "x-fb-trace-id": fbtraceId(),
      "cache-control": "private, no-cache, no-store, must-revalidate",
      ...headers,
    },
  }
}

function errorReply(e: GraphError, version?: string): SandboxReply {
  const headers: Record<string, string> = {}
  if (e.body.error.code === 190 || e.body.error.code === 104) {
    headers["www-authenticate"] = `OAuth "Facebook Platform" "invalid_token" "${e.body.error.message.replace(/"/g, "'")}"`
  }
  return reply(e.status, e.body, version ?? "v21.0", headers)
}
