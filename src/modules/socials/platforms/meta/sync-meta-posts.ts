import type { PostSyncResult, SyncTarget } from "../types"
import type { GraphClient } from "./graph-client"
import { pageComments, toResults } from "./sync-finish"
import { runRounds } from "./sync-rounds"
import { openRun } from "./sync-run"
import type { MetaPostSpec, MetaSyncOptions } from "./sync-state"

export { INSIGHTS_UNAVAILABLE_KEY, type MetaPostSpec, type MetaSyncOptions } from "./sync-state"

/**
 * One account's Instagram media or Facebook posts: plan each post's state (sync-run.ts),
 * ask in batched rounds with refusal recovery (sync-rounds.ts, refusal-recovery.ts),
 * page the comments, one result per post (sync-finish.ts).
 */
export async function syncMetaPosts(spec: MetaPostSpec, graph: GraphClient, options: MetaSyncOptions, targets: SyncTarget[]): Promise<PostSyncResult[]> {
  const run = await openRun(spec, graph, options, targets)
  await runRounds(run)
  run.stopError = await pageComments(spec, graph, run.states, run.commentsLimit, options.now, run.stopError)
  return toResults(spec, run.states, options.now)
}
