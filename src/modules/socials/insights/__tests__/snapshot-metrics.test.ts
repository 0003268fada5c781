import { SocialPostInsightsSnapshot } from "../../models/social-post-insights-snapshot"
import { SNAPSHOT_METRICS } from "../snapshot-metrics"

// The model spells its columns out (the DML needs literals); every other copy reads the list.
// A column added to one and not the other would be silently dropped by the batch insert.
describe("snapshot metrics", () => {
  it("are exactly the snapshot model's metric columns", () => {
    const bookkeeping = new Set(["id", "post_id", "synced_at", "created_at", "updated_at", "deleted_at"])
    const columns = Object.keys(SocialPostInsightsSnapshot.schema).filter((c) => !bookkeeping.has(c))
    expect([...SNAPSHOT_METRICS].sort()).toEqual(columns.sort())
  })
})
