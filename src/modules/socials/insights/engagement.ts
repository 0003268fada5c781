/** Numbers that feed the engagement formula; any may be unknown for a platform. */
export interface EngagementInputs {
  likes?: number
  comments?: number
  shares?: number
  saves?: number
  reach?: number
  impressions?: number
}

export interface EngagementResult {
  /** likes + comments + shares + saves; undefined when none of them is known. */
  engagement?: number
  /**
   * Percent of reach (impressions when the platform has no reach), 2 decimals.
   * null without a denominator: a rate nobody can know is not 0 %.
   */
  engagement_rate?: number | null
}

/** Rounds half away from zero; EPSILON keeps 4.165 from becoming 4.16 through binary representation. */
export function roundTo2(value: number): number {
  return Math.sign(value) * (Math.round((Math.abs(value) + Number.EPSILON) * 100) / 100)
}

function isCount(value: number | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value)
}

/**
 * The spec's formula. A missing count (hidden likes, no saves on Facebook) adds
 * nothing instead of being faked as zero in the stored fields.
 */
export function computeEngagement(input: EngagementInputs): EngagementResult {
  const engagement = engagementOf(input)
  if (engagement === undefined) return {}
  const denominator = rateDenominator(input)
  return { engagement, engagement_rate: denominator === undefined ? null : rateOf(engagement, denominator) }
}

/** likes + comments + shares + saves over the counts that are known; undefined when none is. */
export function engagementOf(input: EngagementInputs): number | undefined {
  const parts = [input.likes, input.comments, input.shares, input.saves].filter(isCount)
  return parts.length ? parts.reduce((sum, n) => sum + n, 0) : undefined
}

export type RateDenominator = { kind: "reach" | "impressions"; value: number }

/** Reach when the platform reports a positive one, else positive impressions, else unknown. */
export function rateDenominator(input: EngagementInputs): RateDenominator | undefined {
  if (isCount(input.reach) && input.reach > 0) return { kind: "reach", value: input.reach }
  if (isCount(input.impressions) && input.impressions > 0) return { kind: "impressions", value: input.impressions }
  return undefined
}

export function rateOf(engagement: number, denominator: RateDenominator): number {
  return roundTo2((engagement / denominator.value) * 100)
}
