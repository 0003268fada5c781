import type { SandboxRequest } from "../types"

/**
 * Rest.li 2.0 reserves `(`, `)`, `,`, `:` and `'` for its own structure, so a URN must reach it
 * percent-encoded wherever it sits: as a path key, as a plain query value, or as an element of
 * `List(...)` (whose own parentheses and commas stay literal). §5.1.
 */
const RESERVED = /[(),:']/
const URN = /^urn:li:[A-Za-z]+:[^\s,]+$/

function decodeUrn(raw: string): string | undefined {
  if (!raw || RESERVED.test(raw)) return undefined
  try {
    const decoded = decodeURIComponent(raw)
    return URN.test(decoded) ? decoded : undefined
  } catch {
    // A broken escape ("%3") is a syntax error, answered like any other bad key.
    return undefined
  }
}

/** The URN behind a path segment, or undefined when it is not a fully encoded URN. */
export function decodePathKey(segment: string): string | undefined {
  return decodeUrn(segment)
}

/** Path keys and the encoded form of BATCH_GET keys: `encodeURIComponent` leaves `(` `)` alone. */
export function encodeUrn(urn: string): string {
  return encodeURIComponent(urn).replace(/\(/g, "%28").replace(/\)/g, "%29")
}

/**
 * A query value as the client encoded it. Reading `rawQuery` is what lets a raw colon be told
 * apart from `%3A`; when the core does not pass it, the decoded value is re-encoded, which
 * accepts every spelling.
 */
function rawParam(req: SandboxRequest, name: string): string | undefined {
  if (req.rawQuery === undefined) {
    const value = req.query.get(name)
    if (value === null) return undefined
    const list = /^List\((.*)\)$/s.exec(value)
    return list ? `List(${list[1].split(",").map(encodeUrn).join(",")})` : encodeUrn(value)
  }
  for (const pair of req.rawQuery.split("&")) {
    const eq = pair.indexOf("=")
    const key = eq === -1 ? pair : pair.slice(0, eq)
    if (key === name) return eq === -1 ? "" : pair.slice(eq + 1)
  }
  return undefined
}

export type Parsed<T> = { ok: true; value: T } | { ok: false }

/** A single-URN parameter (`organizationalEntity=`, `entity=`); undefined when absent. */
export function urnParam(req: SandboxRequest, name: string): Parsed<string> | undefined {
  const raw = rawParam(req, name)
  if (raw === undefined) return undefined
  const urn = decodeUrn(raw)
  return urn ? { ok: true, value: urn } : { ok: false }
}

/** A `List(enc1,enc2)` parameter (`ids=`, `shares=`, `ugcPosts=`); undefined when absent. */
export function urnListParam(req: SandboxRequest, name: string): Parsed<string[]> | undefined {
  const raw = rawParam(req, name)
  if (raw === undefined) return undefined
  const list = /^List\((.*)\)$/.exec(raw)
  if (!list) return { ok: false }
  if (list[1] === "") return { ok: true, value: [] }
  const urns: string[] = []
  for (const element of list[1].split(",")) {
    const urn = decodeUrn(element)
    if (!urn) return { ok: false }
    urns.push(urn)
  }
  return { ok: true, value: urns }
}

export function urnType(urn: string): string {
  return urn.split(":")[2] ?? ""
}
