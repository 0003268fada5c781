import { Heading, Text } from "@medusajs/ui"
import { formatCount, humanize, isNumber } from "../../lib/format"

/** Facebook's reaction types and LinkedIn's, lower-cased as the sync stores them. */
const REACTIONS: Record<string, { emoji: string; label: string }> = {
  like: { emoji: "👍", label: "Like" },
  love: { emoji: "❤️", label: "Love" },
  care: { emoji: "🤗", label: "Care" },
  haha: { emoji: "😆", label: "Haha" },
  wow: { emoji: "😮", label: "Wow" },
  sad: { emoji: "😢", label: "Sad" },
  angry: { emoji: "😡", label: "Angry" },
  praise: { emoji: "👏", label: "Celebrate" },
  empathy: { emoji: "💗", label: "Love" },
  interest: { emoji: "💡", label: "Insightful" },
  appreciation: { emoji: "🙏", label: "Support" },
  entertainment: { emoji: "😄", label: "Funny" },
  maybe: { emoji: "🤔", label: "Curious" },
}

export const ReactionsBreakdown = ({ reactions }: { reactions?: Record<string, number> }) => {
  if (!reactions) return null
  const entries = Object.entries(reactions).filter(([type, n]) => type !== "total" && isNumber(n))
  if (!entries.length) return null
  const total = isNumber(reactions.total) ? reactions.total : entries.reduce((sum, [, n]) => sum + n, 0)
  const sorted = [...entries].sort((a, b) => b[1] - a[1])
  return (
    <section className="flex flex-col gap-y-2" data-testid="reactions-breakdown" aria-label="Reactions">
      <div className="flex items-baseline justify-between">
        <Heading level="h3">Reactions</Heading>
        <Text size="small" className="text-ui-fg-subtle tabular-nums">
          {formatCount(total)} total
        </Text>
      </div>
      <ul className="flex flex-col gap-y-1.5">
        {sorted.map(([type, count]) => {
          const meta = REACTIONS[type] ?? { emoji: "•", label: humanize(type) }
          const share = total > 0 ? Math.round((count / total) * 100) : 0
          return (
            <li key={type} className="grid grid-cols-[7.5rem_1fr_3.5rem] items-center gap-x-2">
              <Text size="small" className="flex items-center gap-x-1.5">
                <span aria-hidden="true">{meta.emoji}</span>
                {meta.label}
              </Text>
              <div className="bg-ui-bg-component h-2 overflow-hidden rounded-full" aria-hidden="true">
                <div className="bg-ui-fg-interactive h-full rounded-full" style={{ width: `${share}%` }} />
              </div>
              <Text size="small" className="text-right tabular-nums">
                {formatCount(count)}
              </Text>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
