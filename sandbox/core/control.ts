import type { SandboxFaults, SandboxFixtures, SandboxReply } from "../types"
import type { SandboxHandle } from "../handle"

/**
 * `/_control/*`: the test/benchmark side door. Never delayed and never faulted, so a test can
 * always inspect or repair the sandbox it is breaking.
 */
export function handleControl(method: string, path: string, query: URLSearchParams, body: string, sandbox: SandboxHandle): SandboxReply {
  const route = `${method} ${path.replace(/\/+$/, "")}`
  switch (route) {
    case "GET /_control":
    case "GET /_control/health":
      return ok({ ok: true, urls: sandbox.urls })
    case "GET /_control/stats":
      return ok(sandbox.stats())
    case "GET /_control/log": {
      const limit = Number(query.get("limit") ?? "0")
      return ok({ data: sandbox.log(Number.isFinite(limit) ? limit : 0) })
    }
    case "POST /_control/reset":
      sandbox.reset({ fixtures: query.get("fixtures") === "true" })
      return ok({ ok: true })
    case "GET /_control/fixtures":
      return ok(sandbox.fixtures)
    case "POST /_control/fixtures": {
      const parsed = parseJson<Partial<SandboxFixtures>>(body)
      if (!parsed.ok) return badRequest(parsed.error)
      if (query.get("replace") === "true") sandbox.setFixtures(parsed.value)
      else sandbox.addFixtures(parsed.value)
      return ok({ ok: true, counts: counts(sandbox.fixtures) })
    }
    case "GET /_control/faults":
      return ok(sandbox.faults())
    case "POST /_control/faults": {
      const parsed = parseJson<SandboxFaults>(body)
      if (!parsed.ok) return badRequest(parsed.error)
      sandbox.setFaults(parsed.value)
      return ok({ ok: true, faults: sandbox.faults() })
    }
    default:
      return { status: 404, body: { error: `unknown control route ${route}` } }
  }
}

function counts(f: SandboxFixtures): Record<string, number> {
  return { tokens: f.tokens.length, instagram: f.instagram.length, facebook: f.facebook.length, tweets: f.tweets.length, linkedin: f.linkedin.length }
}

function ok(body: unknown): SandboxReply {
  return { status: 200, body }
}

function badRequest(message: string): SandboxReply {
  return { status: 400, body: { error: message } }
}

function parseJson<T>(body: string): { ok: true; value: T } | { ok: false; error: string } {
  if (!body.trim()) return { ok: true, value: {} as T }
  try {
    const value: unknown = JSON.parse(body)
    if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, error: "body must be a JSON object" }
    return { ok: true, value: value as T }
  } catch (e) {
    return { ok: false, error: `invalid JSON: ${(e as Error).message}` }
  }
}
