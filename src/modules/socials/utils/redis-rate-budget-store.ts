import { randomUUID } from "node:crypto"
import type { BudgetRemaining, RateBudgetStore, TakeResult } from "../platforms/http/rate-budget"

/** The subset of an ioredis client the store uses (so tests can pass any client). */
export type RedisLike = {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>
}

/**
 * Redis's own clock, in ms: every process (on every host) measures the window
 * against the same time, so clock skew between workers cannot widen a budget.
 */
const REDIS_NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`

/**
 * A rolling-window call budget shared by every Medusa process on one Redis, so
 * two workers together never spend more than the platform allows. Bookings live
 * in a sorted set scored by time; a Lua script makes check-and-book atomic. A
 * pause (usage headers near the platform's limit) is a key with a TTL.
 */
const TAKE_SCRIPT = `
local key = KEYS[1]
local pauseKey = KEYS[2]
${REDIS_NOW}
local units = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local member = ARGV[4]
local paused = redis.call('PTTL', pauseKey)
if paused > 0 then
  return paused
end
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local entries = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
local used = 0
for i = 1, #entries, 2 do
  used = used + tonumber(string.match(entries[i], ':(%d+)$'))
end
if used + units > limit then
  -- Free once enough of the oldest bookings have aged out of the window.
  local freed = 0
  for i = 1, #entries, 2 do
    freed = freed + tonumber(string.match(entries[i], ':(%d+)$'))
    if used - freed + units <= limit then
      return math.max(1, tonumber(entries[i + 1]) + window - now)
    end
  end
  return window
end
redis.call('ZADD', key, now, member .. ':' .. units)
redis.call('PEXPIRE', key, window)
return 0
`

/** Read-only: units left in the window on Redis's clock and ms until the oldest booking returns ({left, ms}). */
const REMAINING_SCRIPT = `
${REDIS_NOW}
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then
  return {0, paused}
end
local entries = redis.call('ZRANGEBYSCORE', KEYS[1], now - window + 1, '+inf', 'WITHSCORES')
local used = 0
for i = 1, #entries, 2 do
  used = used + tonumber(string.match(entries[i], ':(%d+)$'))
end
local returns = window
if #entries > 0 then
  returns = math.max(1, tonumber(entries[2]) + window - now)
end
return {math.max(0, limit - used), returns}
`

/** Extends a pause, never shortens it: the longest wait any process was told wins. */
const PAUSE_SCRIPT = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then
  redis.call('SET', KEYS[1], '1', 'PX', ms)
end
return 0
`

export class RedisRateBudgetStore implements RateBudgetStore {
  /** Booking members must be unique across processes and hosts, or ZADD would merge two bookings. */
  private readonly instance = randomUUID()
  private sequence = 0

  constructor(private readonly redis: RedisLike, private readonly prefix = "socials:budget:") {}

  async take(key: string, units: number, limit: number, windowMs: number): Promise<TakeResult> {
    if (units > limit) {
      return { ok: false, retryAfterMs: windowMs }
    }
    const member = `${this.instance}-${++this.sequence}`
    const waitMs = Number(await this.redis.eval(TAKE_SCRIPT, 2, this.prefix + key, this.pauseKey(key), units, limit, windowMs, member))
    return waitMs > 0 ? { ok: false, retryAfterMs: waitMs } : { ok: true }
  }

  async pause(key: string, untilMs: number): Promise<void> {
    // Only the duration travels: the deadline is this process's, the TTL Redis's.
    const ms = Math.ceil(untilMs - Date.now())
    if (ms > 0) {
      await this.redis.eval(PAUSE_SCRIPT, 1, this.pauseKey(key), ms)
    }
  }

  async remaining(key: string, limit: number, windowMs: number): Promise<BudgetRemaining> {
    const [left, ms] = (await this.redis.eval(REMAINING_SCRIPT, 2, this.prefix + key, this.pauseKey(key), limit, windowMs)) as [number, number]
    return { remaining: Number(left), returnsInMs: Number(ms) }
  }

  private pauseKey(key: string): string {
    return `${this.prefix}pause:${key}`
  }
}
