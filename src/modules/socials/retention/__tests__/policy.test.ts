import { describe, expect, it } from "vitest"
import { resolveSnapshotRetention } from "../policy"

describe("resolveSnapshotRetention", () => {
  it("defaults to every sync for 7 days, daily until 90", () => {
    expect(resolveSnapshotRetention(undefined, {})).toEqual({ keepAllDays: 7, dailyUntilDays: 90 })
  })

  it("takes the module option, the environment winning", () => {
    expect(resolveSnapshotRetention({ keepAllDays: 3 }, {})).toEqual({ keepAllDays: 3, dailyUntilDays: 90 })
    expect(resolveSnapshotRetention({ keepAllDays: 3 }, { SOCIALS_SNAPSHOT_KEEP_ALL_DAYS: "14" })).toEqual({ keepAllDays: 14, dailyUntilDays: 90 })
  })

  it("is switched off by the option or SOCIALS_SNAPSHOT_RETENTION=off", () => {
    expect(resolveSnapshotRetention(false, {})).toBeNull()
    expect(resolveSnapshotRetention({ enabled: false }, {})).toBeNull()
    expect(resolveSnapshotRetention(undefined, { SOCIALS_SNAPSHOT_RETENTION: "off" })).toBeNull()
    expect(resolveSnapshotRetention(false, { SOCIALS_SNAPSHOT_RETENTION: "on" })).toEqual({ keepAllDays: 7, dailyUntilDays: 90 })
  })

  it("names the variable when a value is wrong", () => {
    expect(() => resolveSnapshotRetention(undefined, { SOCIALS_SNAPSHOT_KEEP_ALL_DAYS: "soon" })).toThrow(/SOCIALS_SNAPSHOT_KEEP_ALL_DAYS/)
    expect(() => resolveSnapshotRetention({ keepAllDays: 30, dailyUntilDays: 10 }, {})).toThrow(/SOCIALS_SNAPSHOT_DAILY_UNTIL_DAYS \(10\)/)
  })
})
