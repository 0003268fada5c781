/**
 * Reads a table page after page by a unique, ordered key (`after` = the last key
 * of the previous page), instead of OFFSET: each page costs the same however deep
 * the export is, and rows inserted meanwhile neither repeat nor shift the rest.
 */
export async function* keysetPages<Row, Key>(
  fetchPage: (after: Key | undefined, take: number) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  pageSize: number
): AsyncGenerator<Row[]> {
  let after: Key | undefined
  for (;;) {
    const page = await fetchPage(after, pageSize)
    if (page.length) yield page
    if (page.length < pageSize) return
    after = keyOf(page[page.length - 1])
  }
}

/** One row at a time out of pages, with a hook that can decorate each page first (e.g. one sales query per page). */
export async function* rowsOf<Row, Out>(
  pages: AsyncIterable<Row[]>,
  decorate: (page: Row[]) => Promise<Out[]>
): AsyncGenerator<Out> {
  for await (const page of pages) {
    yield* await decorate(page)
  }
}
