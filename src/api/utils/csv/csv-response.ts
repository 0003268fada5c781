import { pipeline } from "stream/promises"
import { Readable } from "stream"
import { stringify } from "csv-stringify"
import type { MedusaResponse } from "@medusajs/framework/http"

export type CsvColumn<Row> = { header: string; value: (row: Row) => CsvCell }
export type CsvCell = string | number | null | undefined

/** Unknown numbers stay empty cells (never 0); dates go out as ISO 8601 in UTC. */
export function isoOrEmpty(value: Date | string | null | undefined): string | undefined {
  if (!value) return undefined
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

export function numberOrEmpty(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined
}

/**
 * Streams rows as CSV: one page of rows is turned into lines and written before
 * the next page is read, and `pipeline` waits for the socket to drain, so a large
 * export never sits in memory. `escape_formulas` prefixes a `'` to text cells that
 * start with = + - @ tab or CR (captions and names come from platforms and users,
 * and a spreadsheet would run them as formulas); numbers are written as they are.
 */
export async function sendCsv<Row>(
  res: MedusaResponse,
  filename: string,
  columns: CsvColumn<Row>[],
  rows: AsyncIterable<Row>
): Promise<void> {
  // The first page is read before any header goes out: a failure there still gets
  // Medusa's JSON error answer instead of a truncated file.
  const iterator = rows[Symbol.asyncIterator]()
  const first = await iterator.next()
  res.status(200)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`)
  res.setHeader("Cache-Control", "no-store")
  const csv = stringify({
    header: true,
    columns: columns.map((c) => c.header),
    escape_formulas: true,
    // RFC 4180 line ends: what spreadsheets expect.
    record_delimiter: "windows",
  })
  await pipeline(Readable.from(cells(columns, first, iterator)), csv, res)
}

async function* cells<Row>(columns: CsvColumn<Row>[], first: IteratorResult<Row>, rest: AsyncIterator<Row>) {
  for (let next = first; !next.done; next = await rest.next()) {
    yield columns.map((c) => c.value(next.value) ?? "")
  }
}
