/**
 * Meta puts `access_token` in query strings and batch bodies, X and LinkedIn send
 * Bearer headers, and refresh calls carry client secrets: anything this layer turns
 * into a message, URL or log line goes through here first.
 */
export const REDACTED = "[REDACTED]"

/** OAuth 2.0's own names: every platform's token and refresh calls use them, so they are always blanked. */
export const OAUTH_SECRET_PARAMS: readonly string[] = Object.freeze(["access_token", "refresh_token", "client_secret"])

/**
 * Every name this layer knew before platforms brought their own (PlatformDialect.secretParams):
 * the default where no dialect is at hand, so redaction never does less than it did.
 */
export const LEGACY_SECRET_PARAMS: readonly string[] = Object.freeze([...OAUTH_SECRET_PARAMS, "input_token", "fb_exchange_token"])

interface ParamPatterns {
  names: string[]
  param: RegExp
  json: RegExp
}

const patternCache = new Map<string, ParamPatterns>()

/** The OAuth names plus `extra`, compiled once per distinct list. */
function paramPatterns(extra: Iterable<string>): ParamPatterns {
  const names = [...new Set([...OAUTH_SECRET_PARAMS, ...extra])].sort()
  const key = names.join("|")
  let cached = patternCache.get(key)
  if (!cached) {
    const alternatives = names.map(escapeRegExp).join("|")
    cached = {
      names,
      param: new RegExp(`((?:^|[?&;\\s"'])(?:${alternatives})=)[^&\\s"'#]*`, "gi"),
      json: new RegExp(`("(?:${alternatives})"\\s*:\\s*")[^"]*(")`, "gi"),
    }
    patternCache.set(key, cached)
  }
  return cached
}
const BEARER_PATTERN = /(Bearer\s+)[A-Za-z0-9\-._~+/=%]+/gi
// Shorter strings would redact ordinary words; real tokens are far longer.
const MIN_SECRET_LENGTH = 6

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/** `params`: the platform's secret parameter names (its dialect's), on top of OAuth's. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined | null> = [], params: Iterable<string> = LEGACY_SECRET_PARAMS): string {
  let out = text
  const unique = [...new Set([...secrets].filter((s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH))]
  // Longest first so a token that contains another is removed whole.
  unique.sort((a, b) => b.length - a.length)
  for (const secret of unique) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.replace(new RegExp(escapeRegExp(form), "g"), REDACTED)
    }
  }
  const patterns = paramPatterns(params)
  return out.replace(patterns.param, `$1${REDACTED}`).replace(patterns.json, `$1${REDACTED}$2`).replace(BEARER_PATTERN, `$1${REDACTED}`)
}

/** A URL safe to log or store: secret query params blanked, known tokens removed anywhere in it. */
export function redactUrl(url: string, secrets: Iterable<string | undefined | null> = [], params: Iterable<string> = LEGACY_SECRET_PARAMS): string {
  const names = [...params]
  try {
    const parsed = new URL(url)
    for (const name of paramPatterns(names).names) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, REDACTED)
    return redactSecrets(parsed.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED), secrets, names)
  } catch {
    // Not an absolute URL (e.g. a batch relative_url): the text redaction still applies.
    return redactSecrets(url, secrets, names)
  }
}
