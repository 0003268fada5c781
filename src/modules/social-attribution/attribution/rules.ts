import type { AttributionSource } from "../models/social-attribution"
import type { TrackedClick } from "./tracked-click"

export const DEFAULT_WINDOW_DAYS = 7
/** The click time comes from the shopper's clock: a few minutes ahead of ours is tolerated. */
export const CLOCK_SKEW_MS = 10 * 60_000

/** A promotion the order used that is linked to a post. */
export type LinkedPromotionUse = { post_id: string; code: string }

export type AttributionDecision = {
  post_id: string
  source: AttributionSource
  platform: string | null
  promotion_code: string | null
  clicked_at: Date | null
}

export type DecisionInput = {
  placedAt: Date
  click: TrackedClick | null
  linkedPromotions: LinkedPromotionUse[]
  /** Posts that exist now: a click or link naming anything else is not credited. */
  knownPostIds: Set<string>
  windowMs: number
}

/**
 * The documented rules (docs/attribution.md): one post per order; a linked
 * promotion code first (the alphabetically first code when several linked codes
 * apply, so the result never depends on row order), then the tracked click if it
 * happened within the window before the order; nothing otherwise.
 */
export function decideAttribution(input: DecisionInput): AttributionDecision | null {
  const promotion = [...input.linkedPromotions]
    .filter((p) => input.knownPostIds.has(p.post_id))
    .sort((a, b) => a.code.localeCompare(b.code))[0]
  if (promotion) {
    return { post_id: promotion.post_id, source: "promotion", platform: null, promotion_code: promotion.code, clicked_at: null }
  }
  const click = input.click
  if (!click || !input.knownPostIds.has(click.post_id)) {
    return null
  }
  const age = input.placedAt.getTime() - click.clicked_at.getTime()
  if (age > input.windowMs || age < -CLOCK_SKEW_MS) {
    return null
  }
  return { post_id: click.post_id, source: "link", platform: click.platform, promotion_code: null, clicked_at: click.clicked_at }
}

/** Window from the module option or SOCIAL_ATTRIBUTION_WINDOW_DAYS (the variable wins); 7 days by default. */
export function resolveWindowMs(optionDays: unknown, env: string | undefined = process.env.SOCIAL_ATTRIBUTION_WINDOW_DAYS): number {
  const days = Number(env ?? optionDays ?? DEFAULT_WINDOW_DAYS)
  if (!Number.isFinite(days) || days <= 0 || days > 365) {
    throw new Error(
      `social attribution window must be a number of days in (0, 365], got ${JSON.stringify(env ?? optionDays)} ` +
        `(option attributionWindowDays or SOCIAL_ATTRIBUTION_WINDOW_DAYS)`
    )
  }
  return days * 86_400_000
}
