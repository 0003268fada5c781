import http from "node:http"
import type { AddressInfo } from "node:net"
import { sendReply } from "../core/http-util"
import { THREADS_PREFIX, ThreadsSandbox, type ThreadsSandboxInit } from "./sandbox"

export interface ThreadsSandboxHandle {
  /** Root URL, e.g. "http://127.0.0.1:4020". */
  url: string
  /** The Threads host as the plugin is configured with it: `${url}/threads`. */
  apiUrl: string
  /** Ready to merge into the environment of the code under test. */
  env: { THREADS_GRAPH_API_URL: string }
  sandbox: ThreadsSandbox
  stop(): Promise<void>
}

/** The Threads family on a server of its own (tests; the core sandbox mounts the same ThreadsSandbox). */
export async function startThreadsSandbox(options: ThreadsSandboxInit & { port?: number; host?: string } = {}): Promise<ThreadsSandboxHandle> {
  const sandbox = new ThreadsSandbox(options)
  let origin = ""
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sandbox.local")
    if (!sandbox.matches(url)) {
      sendReply(res, { status: 404, body: { error: `no platform at ${url.pathname}; use ${THREADS_PREFIX}` } })
      return
    }
    sandbox.serve(req, res, url, origin).catch((e: Error) => {
      if (!res.headersSent) sendReply(res, { status: 500, body: { error: e.message } })
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve())
  })
  const address = server.address() as AddressInfo
  origin = `http://127.0.0.1:${address.port}`
  return {
    url: origin,
    apiUrl: `${origin}${THREADS_PREFIX}`,
    env: { THREADS_GRAPH_API_URL: `${origin}${THREADS_PREFIX}` },
    sandbox,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
