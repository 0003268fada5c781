/**
 * One shape of query key for every resource, as in the Medusa dashboard:
 * [resource], [resource, "list", {query}], [resource, "detail", id, {query}].
 * Invalidating `lists()` or `details()` then reaches every cached variant.
 */
export const queryKeysFactory = <TKey extends string, TListQuery = Record<string, unknown>>(globalKey: TKey) => {
  const keys = {
    all: [globalKey] as const,
    lists: () => [...keys.all, "list"] as const,
    list: (query?: TListQuery) => (query ? ([...keys.lists(), { query }] as const) : keys.lists()),
    details: () => [...keys.all, "detail"] as const,
    detail: (id: string, query?: Record<string, unknown>) =>
      query ? ([...keys.details(), id, { query }] as const) : ([...keys.details(), id] as const),
  }
  return keys
}
