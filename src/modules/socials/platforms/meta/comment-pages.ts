import type { CommentData } from "../../insights/schema"
import { graphCommentsEdgeSchema } from "./graph-shapes"

/** Pages can be empty and still carry `next`; this caps a runaway cursor chain. */
const MAX_EXTRA_PAGES = 25

/**
 * Collects the newest `limit` comments of one post across Graph pages. Graph
 * cannot filter comments by time, so an incremental sync stops at the first
 * page that contains a comment we already store.
 */
export class CommentPager {
  readonly comments: CommentData[] = []
  /** Absolute `paging.next` of the page to fetch next, when more are needed. */
  next?: string
  stoppedAtKnown = false
  failed = false
  private pages = 0

  constructor(
    private readonly limit: number,
    private readonly known: Set<string>,
    private readonly mapComment: (raw: unknown) => CommentData | undefined
  ) {}

  addPage(edge: unknown): void {
    this.next = undefined
    const parsed = graphCommentsEdgeSchema.safeParse(edge)
    if (!parsed.success) return
    this.pages++
    for (const raw of parsed.data.data) {
      const comment = this.mapComment(raw)
      if (!comment) continue
      if (this.known.has(comment.id)) this.stoppedAtKnown = true
      if (this.comments.length < this.limit) this.comments.push(comment)
    }
    const more = parsed.data.paging?.next
    if (more && !this.stoppedAtKnown && this.comments.length < this.limit && this.pages <= MAX_EXTRA_PAGES) this.next = more
  }

  /** The collected list is exactly the newest N (or all there are): it may replace the stored one. */
  get complete(): boolean {
    return !this.stoppedAtKnown && !this.failed
  }
}
