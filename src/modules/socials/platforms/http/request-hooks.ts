import type { SocialPlatform } from "../../insights/schema"

export interface RequestInfo {
  platform: SocialPlatform
  method: string
  /** Redacted. */
  url: string
  /** 0 for the first try. */
  attempt: number
  /** Rate-limit units the platform will count (a Meta batch counts each item). */
  units: number
  operation?: string
}

/** Called right before every HTTP request leaves this process (retries included). */
export type RequestHook = (info: RequestInfo) => void

export interface RequestCounter {
  onRequest: RequestHook
  total(): number
  units(): number
  byPlatform(): Partial<Record<SocialPlatform, number>>
  byOperation(): Record<string, number>
  requests(): RequestInfo[]
  reset(): void
}

export function createRequestCounter(): RequestCounter {
  let seen: RequestInfo[] = []
  return {
    onRequest: (info) => {
      seen.push(info)
    },
    total: () => seen.length,
    units: () => seen.reduce((sum, r) => sum + r.units, 0),
    byPlatform: () => {
      const out: Partial<Record<SocialPlatform, number>> = {}
      for (const r of seen) out[r.platform] = (out[r.platform] ?? 0) + 1
      return out
    },
    byOperation: () => {
      const out: Record<string, number> = {}
      for (const r of seen) out[r.operation ?? "unknown"] = (out[r.operation ?? "unknown"] ?? 0) + 1
      return out
    },
    requests: () => [...seen],
    reset: () => {
      seen = []
    },
  }
}

/** Fans one request out to several hooks (a counter plus the caller's metrics, say). */
export function combineHooks(...hooks: (RequestHook | undefined)[]): RequestHook | undefined {
  const live = hooks.filter((h): h is RequestHook => !!h)
  if (!live.length) return undefined
  return (info) => {
    for (const hook of live) hook(info)
  }
}
