/**
 * Meta puts `access_token` in query strings and batch bodies, X and LinkedIn send
 * Bearer headers, and refresh calls carry client secrets: anything this layer turns
 * into a message, URL or log line goes through here first.
 */
export const REDACTED = "[REDACTED]"

const SECRET_PARAMS = ["access_token", "refresh_token", "client_secret", "input_token", "fb_exchange_token"]
const PARAM_PATTERN = new RegExp(`((?:^|[?&;\\s"'])(?:${SECRET_PARAMS.join("|")})=)[^&\\s"'#]*`, "gi")
const JSON_PATTERN = new RegExp(`("(?:${SECRET_PARAMS.join("|")})"\\s*:\\s*")[^"]*(")`, "gi")
const BEARER_PATTERN = /(Bearer\s+)[A-Za-z0-9\-._~+/=%]+/gi
// Shorter strings would redact ordinary words; real tokens are far longer.
const MIN_SECRET_LENGTH = 6

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

export function redactSecrets(text: string, secrets: Iterable<string | undefined | null> = []): string {
  let out = text
  const unique = [...new Set([...secrets].filter((s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH))]
  // Longest first so a token that contains another is removed whole.
  unique.sort((a, b) => b.length - a.length)
  for (const secret of unique) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) {
      out = out.replace(new RegExp(escapeRegExp(form), "g"), REDACTED)
    }
  }
  return out.replace(PARAM_PATTERN, `$1${REDACTED}`).replace(JSON_PATTERN, `$1${REDACTED}$2`).replace(BEARER_PATTERN, `$1${REDACTED}`)
}

/** A URL safe to log or store: secret query params blanked, known tokens removed anywhere in it. */
export function redactUrl(url: string, secrets: Iterable<string | undefined | null> = []): string {
  try {
    const parsed = new URL(url)
    for (const name of SECRET_PARAMS) if (parsed.searchParams.has(name)) parsed.searchParams.set(name, REDACTED)
    return redactSecrets(parsed.toString().replace(encodeURIComponent(REDACTED), REDACTED), secrets)
  } catch {
    // Not an absolute URL (e.g. a batch relative_url): the text redaction still applies.
    return redactSecrets(url, secrets)
  }
}
