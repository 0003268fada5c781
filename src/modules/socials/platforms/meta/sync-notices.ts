import type { SyncErrorDetail } from "../../insights/schema"
import { notice } from "../shared/sync-result"
import { noInsightsBeforeConversion } from "./errors"
import { UNKNOWN_SCOPE, type MetaPostSpec } from "./sync-state"

/** The notes a Meta sync leaves on a post when it asks for fewer metrics than configured, and why. */

export function noInsightsNotice(platform: "instagram" | "facebook", label: string): SyncErrorDetail {
  return notice("insights", "insights_unavailable", noInsightsBeforeConversion(label), platform)
}

/** Not retired: the metric exists, just not for this kind of media. */
export function unsupportedNotice(spec: MetaPostSpec, label: string, refused: string[], scope: string): SyncErrorDetail {
  const names = refused.map((m) => `'${m}'`).join(", ")
  const media = scope === UNKNOWN_SCOPE ? "this type of media" : `${scope} media`
  return notice("insights", "metric_unavailable", `${label} does not provide ${names} for ${media} (not supported for this media type)`, spec.platform)
}

export function retiredNotice(spec: MetaPostSpec, label: string, refused: string[]): SyncErrorDetail {
  const names = refused.map((m) => `'${m}'`).join(", ")
  const replacements = [...new Set(refused.map((m) => spec.replacementFor(m)).filter((r): r is string => !!r))]
  const showing = replacements.length ? `; showing ${replacements.map((r) => `'${r}'`).join(", ")}` : ""
  return notice("insights", "metric_unavailable", `${label} no longer provides ${names} for this media${showing}`, spec.platform)
}
