import { Heading, Text } from "@medusajs/ui"
import { formatCount, isNumber } from "../../lib/format"
import { providerLabel } from "../../lib/platforms"
import type { CommentData } from "../../lib/types"
import { RelativeTime } from "./relative-time"

const SHOWN = 5

/** The newest comments. Their text is the platform's and is rendered as plain text only. */
export const LatestComments = ({ comments, total }: { comments?: CommentData[]; total?: number }) => {
  if (!comments?.length) return null
  const newest = [...comments]
    .sort((a, b) => Date.parse(b.created_time) - Date.parse(a.created_time))
    .slice(0, SHOWN)
  return (
    <section className="flex flex-col gap-y-2" data-testid="latest-comments" aria-label="Latest comments">
      <div className="flex items-baseline justify-between">
        <Heading level="h3">Latest comments</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {newest.length} of {isNumber(total) ? formatCount(total) : comments.length}
        </Text>
      </div>
      <ul className="flex flex-col divide-y rounded-lg border">
        {newest.map((comment) => (
          <li key={comment.id} className="flex flex-col gap-y-1 px-3 py-2" data-testid="comment">
            <div className="flex flex-wrap items-center gap-x-2">
              <Text size="small" weight="plus">
                {comment.from?.name ?? "Hidden author"}
              </Text>
              {comment.platform && (
                <Text size="xsmall" className="text-ui-fg-muted">
                  on {providerLabel(comment.platform)}
                </Text>
              )}
              <Text size="xsmall" className="text-ui-fg-muted">
                <RelativeTime value={comment.created_time} />
              </Text>
            </div>
            <Text size="small" className="whitespace-pre-line break-words">
              {comment.text}
            </Text>
            {(isNumber(comment.like_count) || isNumber(comment.reply_count)) && (
              <Text size="xsmall" className="text-ui-fg-subtle flex gap-x-3">
                {isNumber(comment.like_count) && <span>❤️ {formatCount(comment.like_count)}</span>}
                {isNumber(comment.reply_count) && <span>↩️ {formatCount(comment.reply_count)} replies</span>}
              </Text>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
