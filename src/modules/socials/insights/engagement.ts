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
  /** Percent of reach (impressions when the platform has no reach), 2 decimals; 0 without a denominator. */
  engagement_rate?: number
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
  const parts = [input.likes, input.comments, input.shares, input.saves].filter(isCount)
  if (parts.length === 0) return {}
  const engagement = parts.reduce((sum, n) => sum + n, 0)
  const denominator = isCount(input.reach) && input.reach > 0 ? input.reach : isCount(input.impressions) && input.impressions > 0 ? input.impressions : 0
  const engagement_rate = denominator > 0 ? roundTo2((engagement / denominator) * 100) : 0
  return { engagement, engagement_rate }
}
