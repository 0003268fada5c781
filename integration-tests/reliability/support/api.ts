import type { AxiosInstance, AxiosResponse, Method } from "axios"
import type { AdminHeaders } from "../../helpers/admin"

export type RawResponse = { status: number; data: Record<string, unknown> & { message?: string; type?: string; code?: string } }

/** Any request, any status: the reliability tests assert on 4xx/5xx instead of catching them. */
export async function send(
  api: AxiosInstance,
  method: Method,
  url: string,
  options: { data?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {}
): Promise<RawResponse> {
  const res: AxiosResponse = await api.request({
    method,
    url,
    data: options.data,
    headers: options.headers,
    timeout: options.timeoutMs ?? 30_000,
    validateStatus: () => true,
    // Oversized bodies are the point of some tests: don't let axios refuse them first.
    maxBodyLength: Infinity,
    maxContentLength: Infinity,
    transformResponse: [(body: unknown) => parseMaybeJson(body)],
  })
  return { status: res.status, data: res.data }
}

function parseMaybeJson(body: unknown): unknown {
  if (typeof body !== "string") {
    return body
  }
  try {
    return JSON.parse(body)
  } catch {
    // Not JSON (an HTML 404 page, say): keep the text so the assertion shows it.
    return { text: body }
  }
}

export async function createPlatform(
  api: AxiosInstance,
  admin: AdminHeaders,
  provider: "instagram" | "facebook" | "twitter" | "linkedin",
  accountId: string,
  apiConfig: Record<string, unknown>,
  name = `${provider} ${accountId}`
): Promise<string> {
  const { data } = await api.post(
    "/admin/social-platforms",
    { name, provider, account_id: accountId, api_config: apiConfig },
    admin
  )
  return data.social_platform.id as string
}

export async function createPost(
  api: AxiosInstance,
  admin: AdminHeaders,
  platformId: string,
  insights: Record<string, string>,
  extra: Record<string, unknown> = {}
): Promise<string> {
  const { data } = await api.post(
    "/admin/social-posts",
    { platform_id: platformId, status: "posted", name: "post", insights, ...extra },
    admin
  )
  return data.social_post.id as string
}

/**
 * The scheduled jobs must not sync behind a test's back (they would move the sandbox
 * counters and the rows under test). "server" mode loads no jobs; a far-away cron would
 * not do: Node caps timers at 24.8 days and fires longer ones at once. Call at the top
 * level of a spec file, so it runs before Medusa boots.
 */
export function quietScheduler(): void {
  beforeAll(() => {
    process.env.MEDUSA_WORKER_MODE = "server"
    process.env.SOCIALS_PUBLISH_SYNC_DELAY_SECONDS = "86400"
  })
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) {
    return 0
  }
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}
