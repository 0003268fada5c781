import { PlatformApiError } from "../platforms/http/platform-api-error"
import { monthOf, nextMonthStartMs } from "./month"
import { spendState, type XReadMeter, type XSpendState } from "./meter"

/** At the cap: a rate-limit answer that waits for the month to turn (the post's next sync moves there). */
export function readCapReached(meter: XReadMeter, now: number): PlatformApiError {
  const resumes = nextMonthStartMs(now)
  return new PlatformApiError({
    platform: "twitter",
    kind: "rate_limit",
    code: "x_read_cap",
    retryAfterMs: resumes - now,
    message:
      `X monthly read cap reached (${meter.settings.monthlyReadCap} reads in ${monthOf(now)}, SOCIALS_X_MONTHLY_READ_CAP): ` +
      `no X reads until ${new Date(resumes).toISOString().slice(0, 10)}`,
  })
}

export async function currentSpendState(meter: XReadMeter | undefined, now: number): Promise<XSpendState> {
  if (!meter) return "ok"
  return spendState(await meter.reads(now), meter.settings.monthlyReadCap, meter.nearShare)
}

/**
 * Books the most a call can read before it is sent (a lookup of n ids reads at
 * most n posts, a search page at most max_results), then settles to what the
 * answer returned: the cap holds even for calls in flight side by side.
 */
export async function withReads<T>(meter: XReadMeter | undefined, now: () => number, most: number, call: () => Promise<T>, returned: (result: T) => number): Promise<T> {
  if (!meter) return call()
  const at = now()
  if (!(await meter.reserve(at, most))) throw readCapReached(meter, at)
  let read = 0
  try {
    const result = await call()
    read = returned(result)
    return result
  } finally {
    await meter.adjust(at, read - most)
  }
}
