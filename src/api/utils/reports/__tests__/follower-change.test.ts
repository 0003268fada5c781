import { describe, expect, it } from "vitest"
import { followerChange } from "../follower-change"

describe("followerChange", () => {
  const series = [
    { day: "2026-01-01", followers: 1000 },
    { day: "2026-01-05", followers: 1040 },
    { day: "2026-01-07", followers: null },
    { day: "2026-01-08", followers: 1100 },
  ]

  it("compares with the closest snapshot on or before the day N days back", () => {
    // 2026-01-08 - 7 days = 2026-01-01.
    expect(followerChange(series, 7)).toEqual({
      days: 7, from_day: "2026-01-01", to_day: "2026-01-08", from: 1000, to: 1100, change: 100, change_percent: 10,
    })
    // 2026-01-08 - 3 days = 2026-01-05.
    expect(followerChange(series, 3)).toMatchObject({ from_day: "2026-01-05", change: 60, change_percent: 5.77 })
  })

  it("is unknown (null, not 0) without a snapshot old enough, and ignores days without a count", () => {
    expect(followerChange(series, 30)).toMatchObject({ from: null, change: null, to: 1100, to_day: "2026-01-08" })
    expect(followerChange([], 7)).toMatchObject({ to: null, change: null })
    expect(followerChange([{ day: "2026-01-01", followers: 0 }, { day: "2026-01-09", followers: 5 }], 7)).toMatchObject({ change: 5, change_percent: null })
  })
})
