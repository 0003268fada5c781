/** Calendar months in UTC: "2026-12". */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7)
}

export function monthStartMs(ms: number): number {
  const d = new Date(ms)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)
}

export function nextMonthStartMs(ms: number): number {
  const d = new Date(ms)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
}
