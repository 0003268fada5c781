import { z } from "@medusajs/framework/zod"
import type { PlatformMetrics } from "../../insights/schema"

/** Graph answers are read leniently: unknown fields pass, missing ones stay undefined. */
const metricValue = z.union([z.number(), z.record(z.string(), z.number())])

export const graphInsightSchema = z.looseObject({
  name: z.string(),
  values: z.array(z.looseObject({ value: metricValue.nullish() })).optional(),
  total_value: z.looseObject({ value: metricValue.nullish() }).optional(),
})

export const graphInsightsEdgeSchema = z.looseObject({ data: z.array(graphInsightSchema) })

export const graphPagingSchema = z.looseObject({ next: z.string().optional() }).optional()

export const graphCommentsEdgeSchema = z.looseObject({
  data: z.array(z.unknown()),
  paging: graphPagingSchema,
  summary: z.looseObject({ total_count: z.number().optional() }).optional(),
})
export type GraphCommentsEdge = z.infer<typeof graphCommentsEdgeSchema>

/**
 * `insights.data[]` → name → value. Meta answers an empty data set (not 0) for
 * metrics without data, so an absent metric stays absent.
 */
export function readInsightValues(edge: unknown): PlatformMetrics {
  const parsed = graphInsightsEdgeSchema.safeParse(edge)
  const out: PlatformMetrics = {}
  if (!parsed.success) return out
  for (const metric of parsed.data.data) {
    const value = metric.total_value?.value ?? metric.values?.[0]?.value
    if (value === undefined || value === null) continue
    if (typeof value === "number") out[metric.name] = value
    else {
      // Breakdown keys come back lower-case in samples and upper-case in the tables.
      const lowered: Record<string, number> = {}
      for (const [k, v] of Object.entries(value)) lowered[k.toLowerCase()] = v
      out[metric.name] = lowered
    }
  }
  return out
}

export function numberMetric(metrics: PlatformMetrics, name: string): number | undefined {
  const v = metrics[name]
  return typeof v === "number" ? v : undefined
}
