import type { RateBudgetStore, TakeResult } from "../platforms/http/rate-budget"

/** The subset of an ioredis client the store uses (so tests can pass any client). */
export type RedisLike = {
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>
  set(key: string, value: string, mode: "PX", ms: number): Promise<unknown>
}

/**
 * A rolling-window call budget shared by every Medusa process on one Redis, so
 * two workers together never spend more than the platform allows. Bookings live
 * in a sorted set scored by time; a Lua script makes check-and-book atomic.
 */
const TAKE_SCRIPT = `
local key = KEYS[1]
local pauseKey = KEYS[2]
local now = tonumber(ARGV[1])
local units = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local window = tonumber(ARGV[4])
local member = ARGV[5]
local pausedUntil = tonumber(redis.call('GET', pauseKey) or '0')
if pausedUntil > now then
  return pausedUntil - now
end
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local entries = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
local used = 0
for i = 1, #entries, 2 do
  used = used + tonumber(string.match(entries[i], ':(%d+)$'))
end
if used + units > limit then
  if #entries == 0 then
    return window
  end
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

export class RedisRateBudgetStore implements RateBudgetStore {
  private sequence = 0

  constructor(private readonly redis: RedisLike, private readonly prefix = "socials:budget:") {}

  async take(key: string, units: number, limit: number, windowMs: number): Promise<TakeResult> {
    if (units > limit) {
      return { ok: false, retryAfterMs: windowMs }
    }
    const member = `${process.pid}-${Date.now()}-${++this.sequence}`
    const waitMs = Number(
      await this.redis.eval(TAKE_SCRIPT, 2, this.prefix + key, this.prefix + "pause:" + key, Date.now(), units, limit, windowMs, member)
    )
    return waitMs > 0 ? { ok: false, retryAfterMs: waitMs } : { ok: true }
  }

  async pause(key: string, untilMs: number): Promise<void> {
    const ms = untilMs - Date.now()
    if (ms > 0) {
      await this.redis.set(this.prefix + "pause:" + key, String(untilMs), "PX", ms)
    }
  }
}
