import type { LookupKind, SandboxFixtures } from "../types"

/** How each collection is keyed when fixtures are upserted or looked up. */
const KEY_OF = {
  tokens: (t: SandboxFixtures["tokens"][number]) => t.token,
  instagram: (m: SandboxFixtures["instagram"][number]) => m.id,
  facebook: (p: SandboxFixtures["facebook"][number]) => p.id,
  tweets: (t: SandboxFixtures["tweets"][number]) => t.id,
  linkedin: (p: SandboxFixtures["linkedin"][number]) => p.urn,
} as const

export const COLLECTIONS = ["tokens", "instagram", "facebook", "tweets", "linkedin"] as const
type Collection = (typeof COLLECTIONS)[number]

function keyOf(collection: Collection, item: unknown): string {
  // Each key function only reads its collection's key property, so the narrowing is safe.
  const fn = KEY_OF[collection] as (x: unknown) => string
  return fn(item)
}

export function emptyFixtures(): SandboxFixtures {
  return { tokens: [], instagram: [], facebook: [], tweets: [], linkedin: [] }
}

/**
 * Holds the live fixtures plus id -> position indexes, so a 10,000-post benchmark data set
 * is not scanned linearly on every request. The indexes tolerate direct edits by tests:
 * a stale or missing position falls back to a scan and a rebuild.
 */
export class FixtureStore {
  readonly fixtures: SandboxFixtures
  private indexes = new Map<Collection, Map<string, number>>()

  constructor(initial: Partial<SandboxFixtures>) {
    this.fixtures = emptyFixtures()
    this.replace(initial)
  }

  /** Replaces the collections present in `partial`; the others are kept. */
  replace(partial: Partial<SandboxFixtures>): void {
    for (const c of COLLECTIONS) {
      const items = partial[c]
      if (!items) continue
      // Copy the array so later pushes by the caller don't leak in unnoticed.
      ;(this.fixtures[c] as unknown[]) = [...items]
      this.indexes.delete(c)
    }
  }

  /** Upserts by id / urn / token: existing entries are replaced in place, new ones appended. */
  upsert(partial: Partial<SandboxFixtures>): void {
    for (const c of COLLECTIONS) {
      const items = partial[c] as unknown[] | undefined
      if (!items?.length) continue
      const list = this.fixtures[c] as unknown[]
      const index = this.index(c)
      for (const item of items) {
        const key = keyOf(c, item)
        const pos = index.get(key)
        if (pos !== undefined) {
          list[pos] = item
        } else {
          index.set(key, list.length)
          list.push(item)
        }
      }
    }
  }

  lookup<K extends LookupKind>(kind: K, key: string): SandboxFixtures[K][number] | undefined {
    return this.find(kind, key) as SandboxFixtures[K][number] | undefined
  }

  findToken(token: string): SandboxFixtures["tokens"][number] | undefined {
    return this.find("tokens", token) as SandboxFixtures["tokens"][number] | undefined
  }

  private find(c: Collection, key: string): unknown {
    const list = this.fixtures[c] as unknown[]
    const pos = this.index(c).get(key)
    if (pos !== undefined && pos < list.length && keyOf(c, list[pos]) === key) return list[pos]
    const found = list.findIndex((item) => keyOf(c, item) === key)
    if (found === -1) return undefined
    this.indexes.delete(c)
    return list[found]
  }

  private index(c: Collection): Map<string, number> {
    let index = this.indexes.get(c)
    if (!index) {
      index = new Map()
      const list = this.fixtures[c] as unknown[]
      for (let i = 0; i < list.length; i++) index.set(keyOf(c, list[i]), i)
      this.indexes.set(c, index)
    }
    return index
  }
}
