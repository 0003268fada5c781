import type { PlatformFamily, SandboxFaults } from "../types"

export type FaultKind = "reset" | "timeout" | "status5xx" | "malformed"

/** Consumption order: a dropped connection beats a hang beats an error beats a bad body. */
const ORDER: FaultKind[] = ["reset", "timeout", "status5xx", "malformed"]

export class FaultState {
  private faults: SandboxFaults = {}

  set(faults: SandboxFaults): void {
    this.faults = { ...faults }
  }

  /** Arms more faults without disarming the ones already set. */
  merge(faults: SandboxFaults): void {
    this.faults = { ...this.faults, ...faults }
  }

  clear(): void {
    this.faults = {}
  }

  current(): SandboxFaults {
    return { ...this.faults }
  }

  slowMs(family: PlatformFamily): number {
    if (!this.applies(family)) return 0
    return this.faults.slowMs ?? 0
  }

  /** Takes the next armed fault for this request, decrementing its count. */
  take(family: PlatformFamily): { kind: FaultKind; status?: number } | undefined {
    if (!this.applies(family)) return undefined
    for (const kind of ORDER) {
      const armed = this.faults[kind]
      if (!armed || armed.count <= 0) continue
      armed.count -= 1
      const status = kind === "status5xx" ? this.faults.status5xx?.status ?? 500 : undefined
      if (armed.count <= 0) delete this.faults[kind]
      return { kind, status }
    }
    return undefined
  }

  private applies(family: PlatformFamily): boolean {
    return !this.faults.family || this.faults.family === family
  }
}

/** What each platform answers on a server-side failure (its own envelope, so clients parse it). */
export function serverErrorBody(family: PlatformFamily, status: number): unknown {
  const unavailable = status === 503
  switch (family) {
    case "meta":
      // Graph's transient codes: 1 "unknown error", 2 "service temporarily unavailable".
      return {
        error: unavailable
          ? { message: "(#2) Service temporarily unavailable", type: "OAuthException", code: 2, is_transient: true, fbtrace_id: "SandboxFault" }
          : { message: "An unknown error has occurred.", type: "OAuthException", code: 1, is_transient: true, fbtrace_id: "SandboxFault" },
      }
    case "x":
      return {
        title: unavailable ? "Service Unavailable" : "Internal Server Error",
        detail: unavailable ? "Service Unavailable" : "Internal Server Error",
        type: "about:blank",
        status,
      }
    case "linkedin":
      return { status, message: unavailable ? "Service Unavailable" : "Internal Server Error" }
  }
}
