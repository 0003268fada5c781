/** "-created_at" -> { created_at: "DESC" }; the validators already restrict the field names. */
export function parseOrder(
  order: string | undefined,
  fallback: Record<string, "ASC" | "DESC">
): Record<string, "ASC" | "DESC"> {
  if (!order) {
    return fallback
  }
  return order.startsWith("-") ? { [order.slice(1)]: "DESC" } : { [order]: "ASC" }
}
