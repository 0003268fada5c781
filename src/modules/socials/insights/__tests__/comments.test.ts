import { mergeComments, newestComment } from "../comments"
import type { CommentData } from "../schema"

const c = (id: string, minute: number, like_count = 0): CommentData => ({
  id,
  text: `comment ${id}`,
  created_time: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
  like_count,
})

describe("mergeComments", () => {
  it("puts new comments first, dedupes by id with the fresh copy winning", () => {
    const previous = [c("3", 3, 1), c("2", 2), c("1", 1)]
    const incoming = [c("5", 5), c("4", 4), c("3", 3, 9)]
    const merged = mergeComments(previous, incoming, 100)
    expect(merged.map((x) => x.id)).toEqual(["5", "4", "3", "2", "1"])
    expect(merged.find((x) => x.id === "3")?.like_count).toBe(9)
  })

  it("keeps only the newest N", () => {
    const merged = mergeComments([c("1", 1), c("2", 2)], [c("3", 3)], 2)
    expect(merged.map((x) => x.id)).toEqual(["3", "2"])
  })

  it("sorts regardless of input order and handles empty sides", () => {
    expect(mergeComments(undefined, [c("1", 1), c("9", 9)], 10).map((x) => x.id)).toEqual(["9", "1"])
    expect(mergeComments([c("1", 1)], undefined, 10)).toHaveLength(1)
    expect(mergeComments([], [], 0)).toEqual([])
  })

  it("finds the newest stored comment", () => {
    expect(newestComment([c("1", 1), c("7", 7), c("3", 3)])?.id).toBe("7")
    expect(newestComment([])).toBeUndefined()
  })
})

describe("mergeComments with the fetched window", () => {
  it("drops a stored comment inside the window that was not returned (deleted), keeps older ones", () => {
    const previous = [c("4", 40), c("3", 30), c("2", 20), c("1", 10)]
    const incoming = [c("5", 50), c("4", 40, 2)]
    const windowStart = new Date(Date.UTC(2026, 0, 1, 12, 25)).toISOString()
    const merged = mergeComments(previous, incoming, 100, windowStart)
    // "3" (minute 30) is inside the window and gone; "2" and "1" are older than what was fetched.
    expect(merged.map((x) => x.id)).toEqual(["5", "4", "2", "1"])
  })

  it("without a window nothing stored is dropped", () => {
    expect(mergeComments([c("3", 30)], [c("5", 50)], 100).map((x) => x.id)).toEqual(["5", "3"])
  })
})
