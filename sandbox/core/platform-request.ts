import type http from "node:http"
import { handleLinkedInRequest } from "../linkedin/handler"
import { handleMetaRequest } from "../meta/handler"
import type { PlatformFamily, PlatformHandler, SandboxContext, SandboxLogEntry, SandboxReply } from "../types"
import { handleXRequest } from "../x/handler"
import type { FaultState } from "./faults"
import { serverErrorBody } from "./faults"
import { extractToken, lowerCaseHeaders, readBody, sendReply, serializeBody, sleep } from "./http-util"
import { redactQuery, type StatsRecorder } from "./stats"

/** The families mounted under /meta, /x and /linkedin, and who answers each. */
export const HANDLERS: Record<PlatformFamily, PlatformHandler> = {
  meta: handleMetaRequest,
  x: handleXRequest,
  linkedin: handleLinkedInRequest,
}

export const FAMILIES: PlatformFamily[] = ["meta", "x", "linkedin"]

/** What one platform request needs from the running sandbox. */
export interface PlatformServing {
  ctx: SandboxContext
  stats: StatsRecorder
  faults: FaultState
  /** Requests left unanswered on purpose (timeout fault); stop() ends them. */
  pending: Set<http.ServerResponse>
}

type Finish = (status: SandboxLogEntry["status"]) => void

/** One request to a family: logged, delayed, maybe faulted, then answered by the family's handler. */
export async function servePlatform(s: PlatformServing, family: PlatformFamily, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const started = Date.now()
  const body = await readBody(req)
  const headers = lowerCaseHeaders(req)
  const token = extractToken(url.searchParams, headers, body)
  s.stats.request(family, token, s.ctx.findToken(token)?.family)
  const path = url.pathname.slice(family.length + 1) || "/"
  const entry: SandboxLogEntry = {
    at: new Date(started).toISOString(),
    method: req.method ?? "GET",
    family,
    path,
    query: redactQuery(url.searchParams),
    status: 0,
    ms: 0,
    ...batchItemsOf(family, req.method, body),
  }
  const finish: Finish = (status) => {
    entry.status = status
    entry.ms = Date.now() - started
    s.stats.finish(entry)
  }

  const opts = s.ctx.options
  const jitter = opts.jitterMs ? Math.random() * opts.jitterMs : 0
  await sleep((opts.latencyMs ?? 0) + jitter + s.faults.slowMs(family))

  const fault = s.faults.take(family)
  if (fault) {
    s.stats.fault(fault.kind)
    entry.fault = fault.kind
  }
  if (fault && answerFault(s, fault, family, req, res, finish)) return
  const reply = await handlerReply(s.ctx, family, { method: req.method ?? "GET", path, query: url.searchParams, rawQuery: url.search.slice(1), headers, body })
  if (fault?.kind === "malformed") {
    const text = serializeBody(reply.body)
    // Cut mid-document so JSON.parse fails the way a dropped proxy stream does.
    const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)))
    sendReply(res, { ...reply, status: 200 }, cut)
    finish(200)
    return
  }
  sendReply(res, reply)
  finish(reply.status)
}

/** Faults that replace the answer (reset, timeout, 5xx): true when the request is done with. */
function answerFault(s: PlatformServing, fault: NonNullable<ReturnType<FaultState["take"]>>, family: PlatformFamily, req: http.IncomingMessage, res: http.ServerResponse, finish: Finish): boolean {
  if (fault.kind === "reset") {
    finish("reset")
    req.socket.destroy()
    return true
  }
  if (fault.kind === "timeout") {
    // Never answered: the client's own timeout is what ends it (or stop()).
    finish("timeout")
    s.pending.add(res)
    res.on("close", () => s.pending.delete(res))
    return true
  }
  if (fault.kind === "status5xx") {
    const status = fault.status ?? 500
    sendReply(res, { status, body: serverErrorBody(family, status) })
    finish(status)
    return true
  }
  return false
}

async function handlerReply(ctx: SandboxContext, family: PlatformFamily, request: Parameters<PlatformHandler>[0]): Promise<SandboxReply> {
  try {
    return await HANDLERS[family](request, ctx)
  } catch (e) {
    return { status: 500, body: serverErrorBody(family, 500), headers: { "x-sandbox-error": String((e as Error).message).slice(0, 200) } }
  }
}

/** Meta Batch API sub-requests, so the log shows which objects a batch call read. */
function batchItemsOf(family: PlatformFamily, method: string | undefined, body: string): { items?: string[] } {
  if (family !== "meta" || method !== "POST" || !body) return {}
  try {
    const batch = JSON.parse(new URLSearchParams(body).get("batch") ?? "[]") as { relative_url?: string }[]
    return Array.isArray(batch) ? { items: batch.map((b) => String(b.relative_url ?? "").replace(/access_token=[^&]*/g, "access_token=REDACTED")) } : {}
  } catch {
    return {}
  }
}
