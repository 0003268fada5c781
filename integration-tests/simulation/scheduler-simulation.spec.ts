import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { useSandbox } from "../helpers/sandbox"
import { SOCIALS_MODULE } from "../../src/modules/socials"
import type SocialsModuleService from "../../src/modules/socials/service"
import { resolveSnapshotRetention } from "../../src/modules/socials/retention/policy"
import { installVirtualClock } from "../../sim/clock"
import { computeSimFigures } from "../../sim/figures"
import { runSimulation } from "../../sim/run"
import { seedSimulation } from "../../sim/seed"
import { buildSimWorkload, SIM_DEFAULT_START, type SimProvider } from "../../sim/workload"

/**
 * `npm run simulate` at CI size, through the same code (sim/): a virtual clock drives the
 * real due job, nightly sweep and snapshot prune (selection by cadence tiers, budget
 * planner, sync workflow, persistence in PostgreSQL) against the sandbox with its rate
 * limits on and no latency, for two simulated days, with accounts on every platform.
 * Invariants: no budget above 100 % of its window (Facebook's is tight enough to fill),
 * no post within the cadence horizon late past the tolerance while its budget covers it,
 * and X's monthly read cap never passed (it is set low enough to be reached).
 */

const sandbox = useSandbox()
const HOUR = 3_600_000
const PROVIDERS: SimProvider[] = ["instagram", "facebook", "twitter", "linkedin", "threads"]
// Due runs every 30 simulated minutes (the real cron's is 1 minute, the tool's default) keep the spec short; the
// freshness window goes under the step, or each hourly post would wait one more step after its due time.
const STEP_MS = 30 * 60_000
const FRESHNESS_MS = 25 * 60_000
const FACEBOOK_LIMIT = 6
const X_CAP = 40

medusaIntegrationTestRunner({
  env: {
    MEDUSA_WORKER_MODE: "server",
    SOCIALS_BUDGETS: JSON.stringify({ facebook: { limit: FACEBOOK_LIMIT, windowMs: HOUR } }),
    SOCIALS_X_MONTHLY_READ_CAP: String(X_CAP),
    SOCIALS_MAX_WAIT_MS: "0",
    SOCIALS_FRESHNESS_WINDOW_MS: String(FRESHNESS_MS),
  },
  testSuite: ({ getContainer }) => {
    it("300 posts on five platforms, 2 simulated days: no budget above 100 %, no starvation, X's cap respected", async () => {
      const container = getContainer()
      const workload = buildSimWorkload({ posts: 300, accounts: 1, days: 2, seed: 3, start: Date.parse(SIM_DEFAULT_START), providers: PROVIDERS, historyDays: 100 })
      sandbox().reset()
      sandbox().setOptions({ latencyMs: 0, jitterMs: 0, rateLimits: true })
      sandbox().setFixtures(workload.fixtures)
      sandbox().threads.setFixtures(workload.threads)
      const clock = installVirtualClock(workload.spec.start)
      let raw: Awaited<ReturnType<typeof runSimulation>>
      let history: Awaited<ReturnType<typeof seedSimulation>>["history"]
      try {
        const seeded = await seedSimulation(container, workload, { start: "warm", history: true, retention: resolveSnapshotRetention(undefined), stepMs: STEP_MS })
        history = seeded.history
        raw = await runSimulation(container, sandbox(), clock, workload, seeded, { stepMs: STEP_MS })
      } finally {
        clock.uninstall()
      }
      const all = computeSimFigures(raw, history)
      const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
      console.log(
        `simulation: ${all.syncs.success} syncs (${all.syncs.failed} failed), max budget ${all.max_budget_used_pct} %, X reads ${all.x?.max_account_reads_this_month}/${X_CAP}, ` +
          `snapshots/day ${all.snapshots.per_day_without_retention.rows} without retention, ${all.snapshots.per_day_with_retention.rows} with; ${all.real_s.total} s, ${all.counts.steps} steps\n` +
          all.classes.map((c) => `  ${c.class}: ${c.intervals} intervals p50 ${c.interval_p50_h} h (target ${c.target_p50_h} h), late max ${c.late_max_min} min, starved ${c.starved}`).join("\n")
      )

      // No budget above 100 % of its window, and Facebook's tight one was filled (the planner had to defer).
      expect(all.max_budget_used_pct).toBeLessThanOrEqual(100)
      expect(all.budgets.find((b) => b.provider === "facebook")!.max_pct).toBe(100)
      expect(raw.days.reduce((s, d) => s + d.rescheduled, 0)).toBeGreaterThan(0)

      // X's monthly cap: reached, never passed, on the plugin's counter and on what the sandbox billed.
      expect(all.x!.cap_respected).toBe(true)
      expect(all.x!.max_account_reads_this_month).toBeLessThanOrEqual(X_CAP)
      expect(all.x!.states.capped ?? all.x!.states.near_cap).toBeGreaterThan(0)
      const counted = await socials.xReadCounters().reads(raw.x[0].platform_id, raw.x[0].month)
      const billed = raw.days.reduce((s, d) => s + (d.sandbox.units.x ?? 0), 0)
      expect(counted).toBe(billed)
      expect(billed).toBeLessThanOrEqual(X_CAP)

      // No starvation: every post within the cadence horizon synced within the tolerance of each due time
      // (sim/figures.ts lateTolerance), Facebook's tight budget included; X stops reading at its cap by design.
      const covered = computeSimFigures({ ...raw, posts: raw.posts.filter((p) => p.provider !== "twitter") })
      for (const c of covered.classes) {
        expect({ class: c.class, starved: c.starved, never_synced: c.never_synced, examples: c.starved_examples }).toEqual({ class: c.class, starved: 0, never_synced: 0, examples: [] })
      }
      // The only failures are X posts at the cap, and no platform ever throttled us.
      const provider = new Map(raw.posts.map((p) => [p.id, p.provider]))
      expect([...new Set(raw.events.filter((e) => e.status === "failed").map((e) => provider.get(e.id)))]).toEqual(["twitter"])
      expect(Object.keys(all.sandbox_statuses).filter((status) => !status.endsWith("200"))).toEqual([])
      // Every class within the horizon was exercised, and the young posts were synced on their hourly step.
      for (const c of covered.classes.slice(0, 4)) expect(c.due).toBeGreaterThan(0)
      expect(covered.classes[0].target_p50_h).toBe(1)
      expect(covered.classes[0].interval_p50_h).toBeLessThan(1.5)
      // Nothing past the horizon is synced on a schedule.
      expect(covered.classes[4].intervals).toBe(0)
      // The prune ran on the virtual clock and thinned the seeded history.
      expect(all.snapshots.days.reduce((s, d) => s + d.pruned, 0)).toBeGreaterThan(0)
    }, 180_000)
  },
})
