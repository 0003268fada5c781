import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { pruneInsightsSnapshots } from "../../src/modules/socials/retention/prune"
import { DEFAULT_SNAPSHOT_RETENTION } from "../../src/modules/socials/retention/policy"
import pruneInsightsSnapshotsJob from "../../src/jobs/prune-insights-snapshots"

// Wednesday 2026-06-17 12:00 UTC: 7 days back is Wed 06-10 12:00, 90 days back Thu 03-19 12:00.
const NOW = new Date("2026-06-17T12:00:00Z")

/** Snapshot rows by name (`<post>@<time>`), inserted as the sync inserts them. */
const ROWS: Record<string, string[]> = {
  // Younger than 7 days: every sync stays.
  young: ["2026-06-17T11:00:00Z", "2026-06-17T10:00:00Z", "2026-06-16T09:00:00Z", "2026-06-10T12:30:00Z"],
  // 7 to 90 days: the last of each UTC day.
  daily: [
    "2026-06-10T11:00:00Z", // day 06-10 before the 7-day line: alone in its day (06-10 12:30 is in the keep-all part)
    "2026-06-05T01:00:00Z",
    "2026-06-05T09:00:00Z",
    "2026-06-05T23:59:00Z", // last of 06-05
    "2026-06-04T08:00:00Z", // alone on 06-04
    "2026-03-19T13:00:00Z", // Thursday just inside 90 days: its own day
  ],
  // Older than 90 days: the last of each ISO week (Monday to Sunday, UTC).
  weekly: [
    "2026-03-19T11:00:00Z", // same Thursday, just past 90 days: week of Mon 03-16, alone there
    "2026-03-09T10:00:00Z", // Mon
    "2026-03-11T10:00:00Z", // Wed
    "2026-03-15T22:00:00Z", // Sun: last of the week of 03-09
    "2026-03-02T10:00:00Z", // alone in the week of 03-02
  ],
  // Not synced for a long time: the newest snapshot stays whatever its age; the older one of its week goes.
  stale: ["2025-01-06T10:00:00Z", "2025-01-08T10:00:00Z"],
  single: ["2024-05-01T00:00:00Z"],
}

const EXPECTED_SURVIVORS = [
  ...ROWS.young.map((t) => `young@${t}`),
  "daily@2026-06-10T11:00:00Z",
  "daily@2026-06-05T23:59:00Z",
  "daily@2026-06-04T08:00:00Z",
  "daily@2026-03-19T13:00:00Z",
  "weekly@2026-03-19T11:00:00Z",
  "weekly@2026-03-15T22:00:00Z",
  "weekly@2026-03-02T10:00:00Z",
  "stale@2025-01-08T10:00:00Z",
  "single@2024-05-01T00:00:00Z",
].sort()

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
    let seq = 0

    async function seed(rows: Record<string, string[]> = ROWS) {
      await knex().raw("delete from social_post_insights_snapshot")
      const insert = Object.entries(rows).flatMap(([post, times]) =>
        times.map((t) => ({ id: `socsnap_${String(++seq).padStart(6, "0")}`, post_id: post, synced_at: new Date(t), likes: 1 }))
      )
      await knex()("social_post_insights_snapshot").insert(insert)
    }

    async function survivors(): Promise<string[]> {
      const rows = await knex()("social_post_insights_snapshot").select("post_id", "synced_at")
      return rows.map((r: { post_id: string; synced_at: Date }) => `${r.post_id}@${new Date(r.synced_at).toISOString().replace(".000Z", "Z")}`).sort()
    }

    /** DELETE statements sent while `fn` runs. */
    async function countDeletes(fn: () => Promise<unknown>): Promise<number> {
      let deletes = 0
      const onQuery = (q: { sql: string }) => {
        if (/delete from social_post_insights_snapshot/i.test(q.sql)) deletes++
      }
      knex().on("query", onQuery)
      try {
        await fn()
      } finally {
        knex().removeListener("query", onQuery)
      }
      return deletes
    }

    it("keeps every sync for 7 days, the last of each UTC day until 90, the last of each ISO week after, and every post's newest", async () => {
      await seed()
      const result = await pruneInsightsSnapshots(knex(), DEFAULT_SNAPSHOT_RETENTION, { now: NOW })
      expect(await survivors()).toEqual(EXPECTED_SURVIVORS)
      expect(result).toEqual({ deleted: 5, batches: 1, complete: true })

      // Applying it again changes nothing.
      expect(await pruneInsightsSnapshots(knex(), DEFAULT_SNAPSHOT_RETENTION, { now: NOW })).toEqual({ deleted: 0, batches: 1, complete: true })
      expect(await survivors()).toEqual(EXPECTED_SURVIVORS)
    })

    it("works in bounded batches, one DELETE with a LIMIT each, and leaves the rest for the next run at the batch cap", async () => {
      await seed()
      let first: Awaited<ReturnType<typeof pruneInsightsSnapshots>> | undefined
      const statements = await countDeletes(async () => {
        first = await pruneInsightsSnapshots(knex(), DEFAULT_SNAPSHOT_RETENTION, { now: NOW, batchSize: 2, maxBatches: 2 })
      })
      expect(first).toEqual({ deleted: 4, batches: 2, complete: false })
      expect(statements).toBe(2)
      expect(await survivors()).toHaveLength(EXPECTED_SURVIVORS.length + 1)

      const second = await pruneInsightsSnapshots(knex(), DEFAULT_SNAPSHOT_RETENTION, { now: NOW, batchSize: 2, maxBatches: 5 })
      // 1 left: a short batch, which says the work is done.
      expect(second).toEqual({ deleted: 1, batches: 1, complete: true })
      expect(await survivors()).toEqual(EXPECTED_SURVIVORS)
    })

    it("follows a configured policy (keep all for 1 day, daily until 3) and the job's switch-off", async () => {
      // Thursday 06-18 12:00: keep all from Wed 06-17 12:00, daily from Mon 06-15 12:00.
      const thursday = new Date("2026-06-18T12:00:00Z")
      const times = [
        "2026-06-18T08:00:00Z",
        "2026-06-18T02:00:00Z",
        "2026-06-17T13:00:00Z",
        "2026-06-16T08:00:00Z",
        "2026-06-16T07:00:00Z", // not the last of 06-16: goes
        "2026-06-15T13:00:00Z", // Monday, daily part: alone in its day
        "2026-06-15T10:00:00Z", // same Monday, weekly part: alone in its week's weekly part (the day and week buckets must not merge)
        "2026-06-13T09:00:00Z",
        "2026-06-13T08:00:00Z", // not the last of the week of 06-08: goes
      ]
      await seed({ p: times })
      process.env.SOCIALS_SNAPSHOT_RETENTION = "off"
      try {
        await pruneInsightsSnapshotsJob(getContainer(), thursday)
        expect(await survivors()).toHaveLength(times.length)
      } finally {
        delete process.env.SOCIALS_SNAPSHOT_RETENTION
      }
      process.env.SOCIALS_SNAPSHOT_KEEP_ALL_DAYS = "1"
      process.env.SOCIALS_SNAPSHOT_DAILY_UNTIL_DAYS = "3"
      try {
        await pruneInsightsSnapshotsJob(getContainer(), thursday)
      } finally {
        delete process.env.SOCIALS_SNAPSHOT_KEEP_ALL_DAYS
        delete process.env.SOCIALS_SNAPSHOT_DAILY_UNTIL_DAYS
      }
      const gone = ["2026-06-16T07:00:00Z", "2026-06-13T08:00:00Z"]
      expect(await survivors()).toEqual(times.filter((t) => !gone.includes(t)).map((t) => `p@${t}`).sort())
    })
  },
})
