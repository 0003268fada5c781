import { describe, expect, it } from "vitest"
import { insightsPatch } from "../insights-patch"

describe("insightsPatch", () => {
  it("sets only changed or new keys and unsets removed ones, whatever the key order of nested values", () => {
    const before = { facebook_post_id: "1_2", likes: 3, reactions: { like: 3, love: 0 }, sync_errors: ["x"] }
    const after = { facebook_post_id: "1_2", likes: 5, reactions: { love: 0, like: 3 }, last_synced_at: "2026-01-01T00:00:00Z" }
    expect(insightsPatch(before, after)).toEqual({
      set: { likes: 5, last_synced_at: "2026-01-01T00:00:00Z" },
      unset: ["sync_errors"],
    })
  })

  it("leaves a key the writer did not touch out of the patch, so a concurrent writer's value stands", () => {
    // The sync read no instagram_media_id and does not write one: an edit that adds it meanwhile keeps it.
    const patch = insightsPatch({ facebook_post_id: "1_2", likes: 1 }, { facebook_post_id: "1_2", likes: 2 })
    expect(Object.keys(patch.set)).toEqual(["likes"])
    expect(patch.unset).toEqual([])
  })
})
