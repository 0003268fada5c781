import { describe, expect, it } from "vitest"
import { rescheduleAfterSkip } from "../reschedule-skipped"
import type { PostRecord } from "../sync-persistence"

const HOUR = 3_600_000
const now = new Date("2026-06-01T12:00:00Z")
const platform = { id: "p", provider: "facebook" as const, account_id: "1", api_config: null, status: "active" as const }
const post = (over: Partial<PostRecord>): PostRecord => ({
  id: "a", status: "posted", media_type: null, posted_at: new Date(now.getTime() - 2 * 24 * HOUR), insights: {},
  insights_synced_at: null, next_sync_at: new Date(now.getTime() - 60_000), platform, ...over,
})

describe("rescheduleAfterSkip", () => {
  it("clears the due time of a post without a platform id", () => {
    expect(rescheduleAfterSkip([{ post: post({}), outcome: { postId: "a", status: "failed", code: "missing_platform_post_id" } }], now, HOUR))
      .toEqual([{ id: "a", next_sync_at: null }])
  })

  it("moves a fresh post to its cadence from the last sync (6-hourly at two days old)", () => {
    const syncedAt = new Date(now.getTime() - 10 * 60_000)
    const [row] = rescheduleAfterSkip([{ post: post({ insights_synced_at: syncedAt }), outcome: { postId: "a", status: "skipped", code: "fresh" } }], now, HOUR)
    expect(row.next_sync_at).toEqual(new Date(syncedAt.getTime() + 6 * HOUR))
  })

  it("keeps the due time of account-level skips: they resume as soon as the account is active", () => {
    expect(rescheduleAfterSkip([{ post: post({}), outcome: { postId: "a", status: "skipped", code: "platform_disabled" } }], now, HOUR)).toEqual([])
  })
})
