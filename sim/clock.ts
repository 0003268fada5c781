/**
 * Virtual time for the simulation. The global `Date` is replaced by one whose
 * `new Date()` and `Date.now()` read a settable instant, so everything in the process
 * that asks for the time (Medusa, the plugin's jobs, workflows and budget store, the
 * in-process sandbox, X spend's month) reads simulated time, while timers, I/O and
 * `performance.now()` stay real. Nothing waits: the loop sets the clock forward.
 */
export interface VirtualClock {
  now(): number
  /** Moves the clock to `ms` (never backwards: a simulation only goes forward). */
  set(ms: number): void
  /** Puts the real `Date` back. */
  uninstall(): void
}

type DateConstructorArgs = [] | [string | number | Date] | [number, number, number?, number?, number?, number?, number?]

export function installVirtualClock(startMs: number): VirtualClock {
  const RealDate = globalThis.Date
  if ((RealDate as { __virtual?: boolean }).__virtual) throw new Error("a virtual clock is already installed")
  let current = startMs

  // A function, not a subclass: `Date()` without `new` must still return a string, and
  // instances are real Dates (same prototype), so `instanceof` holds for old and new ones.
  function VirtualDate(this: unknown, ...args: DateConstructorArgs): Date | string {
    if (!new.target) return new RealDate(current).toString()
    return Reflect.construct(RealDate, args.length ? args : [current], new.target) as Date
  }
  VirtualDate.prototype = RealDate.prototype
  Object.defineProperties(VirtualDate, {
    now: { value: () => current },
    parse: { value: RealDate.parse },
    UTC: { value: RealDate.UTC },
    [Symbol.hasInstance]: { value: (x: unknown) => x instanceof RealDate },
    __virtual: { value: true },
  })
  globalThis.Date = VirtualDate as unknown as DateConstructor

  return {
    now: () => current,
    set(ms: number) {
      if (ms < current) throw new Error(`the virtual clock cannot go back (${new RealDate(current).toISOString()} -> ${new RealDate(ms).toISOString()})`)
      current = ms
    },
    uninstall() {
      if (globalThis.Date === (VirtualDate as unknown)) globalThis.Date = RealDate
    },
  }
}
