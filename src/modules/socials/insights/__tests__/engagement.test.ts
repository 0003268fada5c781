import { computeEngagement, roundTo2 } from "../engagement"

describe("computeEngagement", () => {
  it("reproduces the spec's Instagram example (150/25/10/30, reach 3500)", () => {
    expect(computeEngagement({ likes: 150, comments: 25, shares: 10, saves: 30, reach: 3500, impressions: 5000 })).toEqual({ engagement: 215, engagement_rate: 6.14 })
  })

  it("reproduces the spec's Facebook example (200/35/15, reach 6000)", () => {
    expect(computeEngagement({ likes: 200, comments: 35, shares: 15, reach: 6000, impressions: 8000 })).toEqual({ engagement: 250, engagement_rate: 4.17 })
  })

  it("reproduces the spec's X example using impressions when there is no reach", () => {
    expect(computeEngagement({ likes: 85, comments: 12, shares: 25, impressions: 3500 })).toEqual({ engagement: 122, engagement_rate: 3.49 })
  })

  it("reproduces the spec's LinkedIn example; without reach or impressions the rate is unknown (null), not 0", () => {
    expect(computeEngagement({ likes: 45, comments: 8, shares: 12 })).toEqual({ engagement: 65, engagement_rate: null })
    // A Facebook Page under 100 likes: counts but no insights.
    expect(computeEngagement({ likes: 2400, comments: 310, shares: 90 }).engagement_rate).toBeNull()
    expect(computeEngagement({ likes: 10, reach: 0, impressions: 0 }).engagement_rate).toBeNull()
  })

  it("prefers reach over impressions and ignores a zero reach", () => {
    expect(computeEngagement({ likes: 10, reach: 100, impressions: 1000 }).engagement_rate).toBe(10)
    expect(computeEngagement({ likes: 10, reach: 0, impressions: 1000 }).engagement_rate).toBe(1)
  })

  it("does not fake counts: missing parts add nothing, nothing known gives nothing", () => {
    expect(computeEngagement({ comments: 5, shares: 5, reach: 100 })).toEqual({ engagement: 10, engagement_rate: 10 })
    expect(computeEngagement({ reach: 100 })).toEqual({})
  })

  it("rounds half up at two decimals despite binary floats", () => {
    expect(roundTo2(4.165)).toBe(4.17)
    expect(roundTo2(1.005)).toBe(1.01)
    expect(roundTo2(6.142857)).toBe(6.14)
  })
})
