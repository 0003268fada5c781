/**
 * Metrics Meta refused, remembered per account, API version and confirmed media
 * kind, so a metric refused once is not asked for again on every sync, and a
 * refusal for one kind of media (or one account's) never spreads to the others.
 * The in-memory store lives for the process; the module can supply a persistent one.
 */
export interface RefusedMetricsStore {
  get(scope: string): Promise<string[]>
  add(scope: string, metrics: string[]): Promise<void>
}

export class InMemoryRefusedMetricsStore implements RefusedMetricsStore {
  private readonly byScope = new Map<string, Set<string>>()

  async get(scope: string): Promise<string[]> {
    return [...(this.byScope.get(scope) ?? [])]
  }

  async add(scope: string, metrics: string[]): Promise<void> {
    const set = this.byScope.get(scope) ?? new Set<string>()
    for (const m of metrics) set.add(m)
    this.byScope.set(scope, set)
  }
}

/** e.g. "instagram:17841400000000001:v25.0:REELS", "facebook:104000000000001:v25.0:post" (per Page). */
export function refusedMetricsScope(platform: "instagram" | "facebook", accountId: string, version: string, kind: string): string {
  return `${platform}:${accountId}:${version}:${kind}`
}

/** Refusals "for this media product type" are kept apart from retired metrics, so the note says which it is. */
export function unsupportedMetricsScope(scope: string): string {
  return `${scope}:unsupported`
}

/** "...does not support the impressions metric for this media product type." (vs. a retired metric). */
export function isUnsupportedForType(message: string | undefined): boolean {
  return /product type|media type/i.test(message ?? "")
}

export interface RefusedMetricsFinding {
  /** Metrics the error names (possibly empty). */
  refused: string[]
  /** The error names nothing ("The value must be a valid insights metric"): ask per metric. */
  unnamed: boolean
}

/**
 * Reads which of `requested` Meta refused from a code-100 message. Known shapes (v25):
 * - "metric[2] must be one of the following values: reach, saved, ..." (index into our list, plus the allowed list)
 * - "Starting from version v22.0 and above, the impressions metric is no longer supported ..."
 * - "The Media Insights API does not support the impressions metric for this media product type."
 * - "(#100) The value must be a valid insights metric" (names nothing)
 */
export function findRefusedMetrics(message: string, requested: string[]): RefusedMetricsFinding {
  const refused = new Set<string>()
  const indexed = /metric\[(\d+)\]/i.exec(message)
  if (indexed) {
    const at = requested[Number(indexed[1])]
    if (at) refused.add(at)
  }
  const allowedMatch = /must be one of the following values:\s*([^.]*)/i.exec(message)
  if (allowedMatch) {
    const allowed = new Set(allowedMatch[1].split(",").map((s) => s.trim()).filter(Boolean))
    for (const m of requested) if (!allowed.has(m)) refused.add(m)
  }
  for (const m of requested) {
    if (new RegExp(`\\b(?:the\\s+)?${m.replace(/[^a-z0-9_]/gi, "")}\\s+metric\\b`, "i").test(message)) refused.add(m)
  }
  return { refused: [...refused], unnamed: refused.size === 0 }
}

/** Code 100 messages that are about a metric (vs. a bad id or field). */
export function isMetricMessage(message: string): boolean {
  return /\bmetric/i.test(message)
}
