import { mergeMetadata } from "@medusajs/framework/utils"
import { describe, expect, it } from "vitest"
import { DISCOVERY_STATE_KEY, keepPluginMetadata } from "../platform-metadata"

/** What Medusa's update stores for a metadata value (merges a present object, replaces otherwise). */
const stored = (previous: Record<string, unknown> | null, update: Record<string, unknown> | null | undefined) =>
  update === undefined ? previous : update && Object.keys(update).length ? mergeMetadata(previous ?? {}, update) : update

describe("keepPluginMetadata", () => {
  const state = { since_id: "1990000000000000030", cursor: "c1" }
  const previous = { note: "old", [DISCOVERY_STATE_KEY]: state }

  it("an object passes as it is: Medusa merges it, so the plugin's keys stay unless named", () => {
    expect(keepPluginMetadata(previous, { tag: "new" })).toEqual({ tag: "new" })
    expect(stored(previous, keepPluginMetadata(previous, { tag: "new" }))).toEqual({ note: "old", tag: "new", [DISCOVERY_STATE_KEY]: state })
  })

  it("null clears the merchant's keys only; with no plugin state it clears everything", () => {
    expect(stored(previous, keepPluginMetadata(previous, null))).toEqual({ [DISCOVERY_STATE_KEY]: state })
    expect(stored({ [DISCOVERY_STATE_KEY]: state }, keepPluginMetadata({ [DISCOVERY_STATE_KEY]: state }, null))).toEqual({ [DISCOVERY_STATE_KEY]: state })
    expect(keepPluginMetadata({ note: "old" }, null)).toBeNull()
    expect(keepPluginMetadata(null, null)).toBeNull()
  })

  it("no metadata in the save leaves it alone", () => {
    expect(keepPluginMetadata(previous, undefined)).toBeUndefined()
  })
})
