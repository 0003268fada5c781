import pLimit from "p-limit"

/** Runs `task` when a slot is free; at most `concurrency` tasks at once. */
export type RequestLimit = <T>(task: () => Promise<T>) => Promise<T>

const shared = new WeakMap<object, { concurrency: number; limit: RequestLimit }>()

/**
 * One limit on requests in flight per owner (the module's config object, so one
 * per module instance and process): accounts sync side by side and each account
 * sends its independent requests together, yet never more than `concurrency`
 * HTTP requests are open at once. Only the network exchange holds a slot, never
 * a budget wait or a retry's backoff.
 */
export function sharedRequestLimit(owner: object, concurrency: number): RequestLimit {
  const existing = shared.get(owner)
  if (existing && existing.concurrency === concurrency) return existing.limit
  const limiter = pLimit(Math.max(1, concurrency))
  const limit: RequestLimit = (task) => limiter(task)
  shared.set(owner, { concurrency, limit })
  return limit
}

/**
 * Runs `worker` over `items` with at most `concurrency` at once (the request limit
 * still caps what reaches the network). Stops taking new items once `stop()` says
 * so, waits for the ones started, then rethrows the first error, so no request
 * is left running behind the caller's back.
 */
export async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  worker: (item: T) => Promise<void>,
  stop: () => boolean = () => false
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const lane = async (): Promise<void> => {
    while (next < items.length && !failure && !stop()) {
      const item = items[next++]
      try {
        await worker(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane))
  if (failure) throw failure.error
}
