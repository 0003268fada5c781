import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

export type LinkChangesInput = { post_id: string; add?: string[]; remove?: string[] }
export type LinkChanges = { post_id: string; add: string[]; remove: string[] }

export type LinkTarget<T extends { id: string }> = {
  /** The post's side of the link ("products"). */
  relation: string
  /** The other side's entity ("product"), also the word used in errors. */
  entity: string
  /** Fields read of the records to add (for `refuse`); `id` is always read. */
  fields?: string[]
  /** Throws for records that exist but cannot be linked to this post. */
  refuse?: (toAdd: T[], postId: string) => void
}

/**
 * The changes a post's add/remove request really makes to one of its links:
 * checks the post and the records to add exist, links nothing twice and unlinks
 * only what is linked. Read-only (the steps using it have nothing to undo).
 */
export async function resolveLinkChanges<T extends { id: string }>(
  container: MedusaContainer,
  input: LinkChangesInput,
  target: LinkTarget<T>
): Promise<LinkChanges> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const add = [...new Set(input.add ?? [])]
  const remove = [...new Set(input.remove ?? [])]
  const both = add.filter((id) => remove.includes(id))
  if (both.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `add and remove both contain ${both.join(", ")}`)
  }

  const { data: posts } = await query.graph({
    entity: "social_post",
    fields: ["id", `${target.relation}.id`],
    filters: { id: input.post_id },
  })
  const post = (posts as { id: string; [relation: string]: unknown }[])[0]
  if (!post) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Social post with id: ${input.post_id} was not found`)
  }
  const records = (post[target.relation] ?? []) as ({ id: string } | null)[]
  const linked = new Set(records.flatMap((record) => (record ? [record.id] : [])))

  const toAdd = add.filter((id) => !linked.has(id))
  if (toAdd.length) {
    const { data } = await query.graph({ entity: target.entity, fields: ["id", ...(target.fields ?? [])], filters: { id: toAdd } })
    const found = new Map((data as T[]).map((record) => [record.id, record]))
    const missing = toAdd.filter((id) => !found.has(id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `add: no ${target.entity} with id ${missing.join(", ")}`)
    }
    target.refuse?.(toAdd.map((id) => found.get(id)!), post.id)
  }
  return { post_id: post.id, add: toAdd, remove: remove.filter((id) => linked.has(id)) }
}
