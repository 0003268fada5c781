/**
 * The top-level `insights` keys one writer changed: what it set and what it removed.
 * A sync and an admin edit both write only their patch, in one statement, over
 * whatever the row holds then (`(insights - unset) || set`), so neither undoes
 * the other: the edit owns the platform post ids it sent, the sync the numbers it
 * fetched. Writing the whole JSON from an earlier read would restore stale keys.
 */
export type InsightsPatch = { set: Record<string, unknown>; unset: string[] }

/** The keys that differ between what a writer read and what it wants stored. */
export function insightsPatch(before: Record<string, unknown>, after: Record<string, unknown>): InsightsPatch {
  const set: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) {
      continue
    }
    if (!(key in before) || !sameJson(before[key], value)) {
      set[key] = value
    }
  }
  const unset = Object.keys(before).filter((key) => before[key] !== undefined && (!(key in after) || after[key] === undefined))
  return { set, unset }
}

/** Deep equality of JSON values, whatever the key order. */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(",")}]`
  }
  if (value && typeof value === "object" && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}
