import type { SeedRng } from "../types"

/**
 * mulberry32: a 32-bit PRNG small enough to inline, good enough for fixture data, and the same
 * on every machine for a given seed (Math.random is neither seedable nor reproducible).
 */
export function createRng(seed: number): SeedRng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  }
}

/** Short, deterministic comment / caption text. */
const WORDS = ["love", "this", "great", "coffee", "morning", "new", "drop", "wow", "so", "good", "when", "restock", "amazing", "colour", "price", "shipping", "again", "yes", "need", "it"]

export function sentence(rng: SeedRng, min = 3, max = 8): string {
  const n = rng.int(min, max)
  const words: string[] = []
  for (let i = 0; i < n; i++) words.push(rng.pick(WORDS))
  const text = words.join(" ")
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** ISO 8601 of `now` minus a number of minutes (fixtures keep plain ISO; handlers format per platform). */
export function minutesAgo(now: number, minutes: number): string {
  return new Date(now - minutes * 60_000).toISOString()
}
