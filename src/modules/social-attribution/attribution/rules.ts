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

/** A post that promotes a product of the order, for the opt-in "estimated" rule. */
export type ProductPostCandidate = { post_id: string; posted_at: Date }

export type DecisionInput = {
  placedAt: Date
  click: TrackedClick | null
  linkedPromotions: LinkedPromotionUse[]
  /** Posts linked to the order's products; only read when estimatedWindowMs is set. */
  productPosts?: ProductPostCandidate[]
  /** Off (null / undefined) by default. */
  estimatedWindowMs?: number | null
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
  if (click && input.knownPostIds.has(click.post_id)) {
    const age = input.placedAt.getTime() - click.clicked_at.getTime()
    if (age <= input.windowMs && age >= -CLOCK_SKEW_MS) {
      return { post_id: click.post_id, source: "link", platform: click.platform, promotion_code: null, clicked_at: click.clicked_at }
    }
  }
  return estimate(input)
}

/**
 * Opt-in: the most recently published post linked to a product of the order,
 * published at most the estimate window before the order. Reported as
 * "estimated", apart from links and promotions.
 */
function estimate(input: DecisionInput): AttributionDecision | null {
  const windowMs = input.estimatedWindowMs
  if (!windowMs) {
    return null
  }
  const placed = input.placedAt.getTime()
  const best = (input.productPosts ?? [])
    .filter((p) => input.knownPostIds.has(p.post_id))
    .filter((p) => placed - p.posted_at.getTime() >= 0 && placed - p.posted_at.getTime() <= windowMs)
    .sort((a, b) => b.posted_at.getTime() - a.posted_at.getTime() || a.post_id.localeCompare(b.post_id))[0]
  return best ? { post_id: best.post_id, source: "estimated", platform: null, promotion_code: null, clicked_at: null } : null
}

/** SOCIAL_ATTRIBUTION_ESTIMATED_DAYS or the estimatedAttributionDays option; null (off) unless set to a positive number. */
export function resolveEstimatedWindowMs(
  optionDays: unknown,
  env: string | undefined = process.env.SOCIAL_ATTRIBUTION_ESTIMATED_DAYS
): number | null {
  const raw = env ?? optionDays
  if (raw === undefined || raw === null || raw === "" || raw === 0 || raw === "0") {
    return null
  }
  const days = Number(raw)
  if (!Number.isFinite(days) || days <= 0 || days > 365) {
    throw new Error(
      `estimated attribution window must be a number of days in (0, 365], got ${JSON.stringify(raw)} ` +
        `(option estimatedAttributionDays or SOCIAL_ATTRIBUTION_ESTIMATED_DAYS)`
    )
  }
  return days * 86_400_000
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
