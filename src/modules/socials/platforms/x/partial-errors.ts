import { z } from "@medusajs/framework/zod"
import { problemName } from "./errors"

/**
 * One entry of `errors[]` next to `data` (HTTP 200). Real answers carry `resource_id`,
 * `value` and `type`, but captured variants lack some of them (only `title` / `detail`,
 * numeric ids), so every field is optional and ids may be numbers.
 */
const idField = z.union([z.string(), z.number()]).transform(String).optional()
export const xPartialErrorSchema = z.looseObject({
  resource_id: idField,
  value: idField,
  resource_type: z.string().optional(),
  parameter: z.string().optional(),
  type: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
})
export type XPartialError = z.infer<typeof xPartialErrorSchema>

/** What an entry says about one post. "field" entries refuse a metric, never the post itself. */
export type XPostProblem = { kind: "not_found" | "permission" | "field" | "other"; code: string; detail?: string }

/** The problem kind from `type`, else from the title X prints ("Not Found Error", "Authorization Error", ...). */
function problemKind(e: XPartialError): XPostProblem["kind"] {
  const name = problemName(e.type)
  if (name === "resource-not-found") return "not_found"
  if (name === "not-authorized-for-field") return "field"
  if (name === "not-authorized-for-resource") return "permission"
  if (name) return "other"
  const title = e.title ?? ""
  if (/field/i.test(title) || /\bfield\b/i.test(e.detail ?? "")) return "field"
  if (/not\s*found/i.test(title) || /could not find/i.test(e.detail ?? "")) return "not_found"
  if (/authori[sz]/i.test(title)) return "permission"
  return "other"
}

/**
 * The post ids an entry is about: `resource_id`, else `value` when it names a post id
 * (`parameter` ids/id or a tweet resource), else the ids X lists in `detail`
 * ("Could not find tweet with ids: [1,2]."). An entry naming no id concerns no post:
 * attributing it to one would blame the wrong post.
 */
function idsOf(e: XPartialError): string[] {
  if (e.resource_id) return [e.resource_id]
  if (e.value && /^\d{1,19}$/.test(e.value) && (e.parameter === undefined || /^ids?$/.test(e.parameter) || e.resource_type === "tweet")) return [e.value]
  const listed = /\[([\d,\s]+)\]/.exec(e.detail ?? "")
  return listed ? listed[1].split(",").map((id) => id.trim()).filter((id) => /^\d{1,19}$/.test(id)) : []
}

/**
 * Reads `errors[]` of a lookup into one problem per post id. Unparseable entries are
 * skipped, not fatal: the posts they might concern simply come back without data.
 * A post-level problem beats a field refusal for the same id.
 */
export function postProblems(errors: unknown[] | undefined): Map<string, XPostProblem> {
  const out = new Map<string, XPostProblem>()
  for (const raw of errors ?? []) {
    const parsed = xPartialErrorSchema.safeParse(raw)
    if (!parsed.success) continue
    const e = parsed.data
    const kind = problemKind(e)
    const problem: XPostProblem = { kind, code: problemName(e.type) ?? e.title ?? "missing", detail: e.detail }
    for (const id of idsOf(e)) {
      const known = out.get(id)
      if (!known || known.kind === "field") out.set(id, problem)
    }
  }
  return out
}
