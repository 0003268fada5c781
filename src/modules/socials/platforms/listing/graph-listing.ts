import { z } from "@medusajs/framework/zod"
import { PlatformApiError } from "../http/platform-api-error"
import type { GraphClient } from "../meta/graph-client"

const pageSchema = z.looseObject({
  data: z.array(z.looseObject({ id: z.string().min(1) })),
  paging: z.looseObject({ cursors: z.looseObject({ after: z.string().optional() }).optional(), next: z.string().optional() }).optional(),
})

/** One page of a Graph edge through the account's client (budget, retries, redaction). `nextCursor` only while `paging.next` says there is more. */
export async function readGraphEdge(client: GraphClient, relative: string, operation: string): Promise<{ items: Record<string, unknown>[]; nextCursor?: string }> {
  const [result] = await client.getMany([relative], operation)
  if (!result.ok) throw result.error
  const parsed = pageSchema.safeParse(result.body)
  if (!parsed.success) throw new PlatformApiError({ platform: client.platform, kind: "malformed_response", code: "listing_shape", detail: "the listing has an unexpected shape" })
  const next = parsed.data.paging?.next ? parsed.data.paging.cursors?.after : undefined
  return { items: parsed.data.data, nextCursor: next }
}

export const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined)
/** Graph times look like 2024-01-15T10:00:00+0000. */
export const graphTime = (v: unknown): string | undefined => {
  const s = str(v)
  const t = s ? Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) : NaN
  return Number.isNaN(t) ? undefined : new Date(t).toISOString()
}
