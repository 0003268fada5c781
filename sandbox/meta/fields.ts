/**
 * Graph `fields=` parser: `a,b.limit(5).summary(true){c,d{e}},insights.metric(reach,views).as(x)`.
 * Modifiers may sit before or after the `{...}` sub-field list; whitespace and line breaks
 * between tokens are ignored (clients often wrap long field lists).
 */

export interface FieldSpec {
  name: string
  /** From `.as(alias)`: the response key. */
  alias?: string
  /** `.limit(50)` -> limit: "50"; raw text between the parentheses. */
  modifiers: Record<string, string>
  /** The `{...}` list, when given. */
  children?: FieldSpec[]
}

export class FieldSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly at: number,
    readonly input: string
  ) {
    super(`Syntax error "${reason}" at character ${at}: ${input}`)
  }
}

export function parseFields(input: string): FieldSpec[] {
  const text = input
  let pos = 0

  const skipSpace = (): void => {
    while (pos < text.length && /\s/.test(text[pos])) pos++
  }
  const fail = (reason: string): never => {
    throw new FieldSyntaxError(reason, pos, input)
  }
  const name = (): string => {
    skipSpace()
    const start = pos
    while (pos < text.length && /[A-Za-z0-9_]/.test(text[pos])) pos++
    if (pos === start) fail(pos >= text.length ? "Expected field name instead of end of string." : `Expected field name instead of "${text[pos]}".`)
    return text.slice(start, pos)
  }
  const args = (): string => {
    // At "(": read to the matching ")" (arguments never nest in practice, but be safe).
    let depth = 0
    const start = pos + 1
    for (; pos < text.length; pos++) {
      if (text[pos] === "(") depth++
      else if (text[pos] === ")" && --depth === 0) {
        const raw = text.slice(start, pos)
        pos++
        return raw.replace(/\s+/g, "")
      }
    }
    return fail('Expected ")" instead of end of string.')
  }
  const field = (): FieldSpec => {
    const spec: FieldSpec = { name: name(), modifiers: {} }
    for (;;) {
      skipSpace()
      const ch = text[pos]
      if (ch === ".") {
        pos++
        const mod = name()
        skipSpace()
        if (text[pos] !== "(") fail(`Expected "(" instead of "${text[pos] ?? "end of string"}".`)
        const value = args()
        if (mod === "as") spec.alias = value
        else spec.modifiers[mod] = value
      } else if (ch === "{") {
        if (spec.children) fail('Expected "," instead of "{".')
        pos++
        spec.children = list("}")
        pos++
      } else {
        return spec
      }
    }
  }
  const list = (closer: string | undefined): FieldSpec[] => {
    const out: FieldSpec[] = []
    for (;;) {
      out.push(field())
      skipSpace()
      if (text[pos] === ",") {
        pos++
        continue
      }
      if (closer === undefined && pos >= text.length) return out
      if (closer !== undefined && text[pos] === closer) return out
      fail(pos >= text.length ? `Expected "${closer}" instead of end of string.` : `Expected "," instead of "${text[pos]}".`)
    }
  }

  skipSpace()
  if (pos >= text.length) return []
  return list(undefined)
}

/** Back to the wire form, for the `fields=` of `paging.next` links of nested edges. */
export function stringifyFields(specs: FieldSpec[]): string {
  return specs
    .map((s) => {
      const mods = Object.entries(s.modifiers)
        .map(([k, v]) => `.${k}(${v})`)
        .join("")
      const alias = s.alias ? `.as(${s.alias})` : ""
      const children = s.children ? `{${stringifyFields(s.children)}}` : ""
      return `${s.name}${mods}${alias}${children}`
    })
    .join(",")
}

/** Plain field names from a list like "id,text,timestamp" (the default sets). */
export function plainFields(names: string): FieldSpec[] {
  return names.split(",").map((name) => ({ name, modifiers: {} }))
}

export function keyOf(spec: FieldSpec): string {
  return spec.alias ?? spec.name
}
