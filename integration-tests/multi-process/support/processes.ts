import { spawn, type ChildProcess } from "node:child_process"
import net from "node:net"
import path from "node:path"

export const ROOT = path.join(__dirname, "..", "..", "..")
const MEDUSA_CLI = path.join(ROOT, "node_modules", "@medusajs", "cli", "cli.js")

/** Runs a one-shot Medusa command (migrate, exec) and resolves with its output. */
export function runMedusa(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MEDUSA_CLI, ...args], { cwd: ROOT, env })
    let output = ""
    child.stdout.on("data", (d) => (output += d))
    child.stderr.on("data", (d) => (output += d))
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`medusa ${args.join(" ")} exited ${code}:\n${output.slice(-4000)}`))))
  })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export type MedusaProcess = { name: string; url: string; output(): string; stop(): Promise<void> }

/**
 * `medusa start` (the same command a deployment runs) as a child process;
 * resolves once `/health` answers, rejects if the process dies first.
 */
export async function startMedusa(name: string, env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<MedusaProcess> {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [MEDUSA_CLI, "start", "--port", String(port)], { cwd: ROOT, env: { ...env, PORT: String(port) } })
  let output = ""
  child.stdout?.on("data", (d) => (output += d))
  child.stderr?.on("data", (d) => (output += d))
  let exited: number | null | undefined
  const exit = new Promise<void>((resolve) => child.on("exit", (code) => ((exited = code), resolve())))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`${name} exited with ${exited} before it was ready:\n${output.slice(-4000)}`)
    const ready = await fetch(`${url}/health`).then((r) => r.ok, () => false)
    if (ready) {
      return {
        name,
        url,
        output: () => output,
        stop: async () => {
          if (exited !== undefined) return
          child.kill("SIGTERM")
          const killer = setTimeout(() => child.kill("SIGKILL"), 10_000)
          await exit
          clearTimeout(killer)
        },
      }
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill("SIGKILL")
  throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${output.slice(-4000)}`)
}
