import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Medusa runs inside the test process, so a promise the plugin forgets to await
 * surfaces here. Registered for the whole file; each test checks the list.
 */
export function watchUnhandledRejections(): () => unknown[] {
  const seen: unknown[] = []
  const onRejection = (reason: unknown) => {
    seen.push(reason)
  }
  beforeAll(() => {
    process.on("unhandledRejection", onRejection)
  })
  afterAll(() => {
    process.off("unhandledRejection", onRejection)
  })
  return () => seen
}

const LOGGER_METHODS = ["debug", "info", "warn", "error", "log", "http", "panic", "success", "failure", "verbose", "silly"] as const

export type LogCapture = { lines: string[]; stop: () => void }

/**
 * Everything the app writes: Medusa's logger (every method, arguments serialised
 * with their error stacks) and the raw stdout/stderr streams of the process.
 */
export function captureLogs(container: MedusaContainer): LogCapture {
  const lines: string[] = []
  const restore: (() => void)[] = []
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER) as unknown as Record<string, unknown>
  for (const name of LOGGER_METHODS) {
    const original = logger[name]
    if (typeof original !== "function") {
      continue
    }
    logger[name] = (...args: unknown[]) => {
      lines.push(`[logger.${name}] ${args.map(describeValue).join(" ")}`)
      return (original as (...a: unknown[]) => unknown).apply(logger, args)
    }
    restore.push(() => {
      logger[name] = original
    })
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : String(chunk))
      return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest)
    }) as typeof stream.write
    restore.push(() => {
      stream.write = original
    })
  }
  return {
    lines,
    stop: () => {
      for (const undo of restore.reverse()) {
        undo()
      }
    },
  }
}

function describeValue(value: unknown): string {
  if (value instanceof Error) {
    const extra = Object.entries(value).map(([k, v]) => `${k}=${safeJson(v)}`)
    return `${value.name}: ${value.message} ${value.stack ?? ""} ${extra.join(" ")} cause=${describeValue((value as { cause?: unknown }).cause)}`
  }
  return typeof value === "string" ? value : safeJson(value)
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    // Circular structures (requests, sockets): their string form is what a log line would show.
    return String(value)
  }
}
