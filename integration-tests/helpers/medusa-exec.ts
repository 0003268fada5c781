import { spawn, type ChildProcess } from "child_process"
import path from "path"

export type ExecResult = { code: number | null; signal: NodeJS.Signals | null; output: string }

/**
 * `npx medusa exec <script>` as a separate process against the test's database,
 * the way an operator runs it (the local bin directly, to skip npx's lookup).
 */
export function startMedusaExec(
  script: string,
  options: { databaseUrl: string; env?: Record<string, string | undefined>; args?: string[]; onOutput?: (text: string) => void }
): { child: ChildProcess; done: Promise<ExecResult> } {
  const bin = path.join(process.cwd(), "node_modules", ".bin", "medusa")
  const child = spawn(bin, ["exec", script, ...(options.args ?? [])], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: "test",
      MEDUSA_DISABLE_TELEMETRY: "true",
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: "",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  let output = ""
  const collect = (chunk: Buffer) => {
    const text = chunk.toString("utf8")
    output += text
    options.onOutput?.(text)
  }
  child.stdout?.on("data", collect)
  child.stderr?.on("data", collect)
  const done = new Promise<ExecResult>((resolve, reject) => {
    child.once("error", reject)
    child.once("exit", (code, signal) => resolve({ code, signal, output }))
  })
  return { child, done }
}

export async function runMedusaExec(
  script: string,
  options: { databaseUrl: string; env?: Record<string, string | undefined>; args?: string[] }
): Promise<ExecResult> {
  return startMedusaExec(script, options).done
}
