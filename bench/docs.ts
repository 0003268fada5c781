import { existsSync, readFileSync, writeFileSync } from "node:fs"
import type { TargetCheck } from "./report"

export interface DocsBlock {
  posts: number
  at: string
  machine: string
  settings: string
  table: string
  headline: string
  specPlan: string
  targets: TargetCheck[]
}

/**
 * `--write-docs`: replaces the block between `<!-- bench:<posts>:start -->` and
 * `<!-- bench:<posts>:end -->` in docs/performance.md with this run's figures.
 */
export function writeDocsBlock(file: string, block: DocsBlock): boolean {
  if (!existsSync(file)) return false
  const start = `<!-- bench:${block.posts}:start -->`
  const end = `<!-- bench:${block.posts}:end -->`
  const text = readFileSync(file, "utf8")
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  if (from < 0 || to < from) return false
  const body = [
    start,
    `Run of ${block.at} on ${block.machine}; ${block.settings}.`,
    "",
    block.table,
    "",
    block.headline,
    "",
    block.specPlan,
    "",
    ...block.targets.map((t) => `- ${t.met === "n/a" ? "n/a" : t.met ? "**met**" : "**missed**"}: ${t.target} (${t.value})`),
    end,
  ].join("\n")
  writeFileSync(file, text.slice(0, from) + body + text.slice(to + end.length))
  return true
}
