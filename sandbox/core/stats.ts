import type { PlatformFamily, SandboxLogEntry, SandboxStats, SandboxTokenStats } from "../types"

/** Keeps the request log bounded so a 10,000-post benchmark run doesn't grow memory without end. */
const LOG_CAPACITY = 20_000

export class StatsRecorder {
  private data: SandboxStats = StatsRecorder.empty()
  private log: SandboxLogEntry[] = []

  static empty(): SandboxStats {
    return {
      requests: { total: 0, meta: 0, x: 0, linkedin: 0 },
      units: { meta: 0, x: 0, linkedin: 0 },
      byToken: {},
      byStatus: {},
      faultsInjected: { status5xx: 0, timeout: 0, reset: 0, malformed: 0 },
    }
  }

  request(family: PlatformFamily, token: string | undefined, tokenFamily: PlatformFamily | undefined): void {
    this.data.requests.total += 1
    this.data.requests[family] += 1
    this.tokenEntry(token, tokenFamily ?? family).requests += 1
  }

  units(family: PlatformFamily, token: string | undefined, units: number): void {
    this.data.units[family] += units
    this.tokenEntry(token, family).units += units
  }

  fault(kind: keyof SandboxStats["faultsInjected"]): void {
    this.data.faultsInjected[kind] += 1
  }

  finish(entry: SandboxLogEntry): void {
    const key = String(entry.status)
    this.data.byStatus[key] = (this.data.byStatus[key] ?? 0) + 1
    this.log.push(entry)
    if (this.log.length > LOG_CAPACITY) this.log.splice(0, this.log.length - LOG_CAPACITY)
  }

  snapshot(): SandboxStats {
    return JSON.parse(JSON.stringify(this.data)) as SandboxStats
  }

  entries(limit?: number): SandboxLogEntry[] {
    return limit && limit > 0 ? this.log.slice(-limit) : [...this.log]
  }

  reset(): void {
    this.data = StatsRecorder.empty()
    this.log = []
  }

  private tokenEntry(token: string | undefined, family: PlatformFamily | "unknown"): SandboxTokenStats {
    const key = token ?? "(none)"
    let entry = this.data.byToken[key]
    if (!entry) {
      entry = { family, requests: 0, units: 0 }
      this.data.byToken[key] = entry
    }
    return entry
  }
}

/** The log must not keep live tokens around: access_token values are replaced. */
export function redactQuery(query: URLSearchParams): string {
  const copy = new URLSearchParams(query)
  for (const name of ["access_token", "client_secret", "refresh_token"]) {
    if (copy.has(name)) copy.set(name, "REDACTED")
  }
  return copy.toString()
}
