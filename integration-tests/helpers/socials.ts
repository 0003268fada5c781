import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import type { SandboxHandle } from "../../sandbox/server"
import type { AdminHeaders } from "./admin"

type Deps = {
  api: AxiosInstance
  /** Read at each call: specs log in a new admin before each test. */
  admin: () => AdminHeaders
  getContainer: () => MedusaContainer
  sandbox: () => SandboxHandle
}

/**
 * What the sync specs set up and observe with: accounts and posts made over the admin
 * API (as the dashboard makes them), Medusa's info log lines, the sandbox's reads of a post.
 */
export function syncSpecHelpers({ api, admin, getContainer, sandbox }: Deps) {
  return {
    /** A connected account; its id. `api_config` adds to the token (auth_type…); `status` sets the account's. */
    async platform(provider: string, account_id: string, access_token: string, options: { api_config?: Record<string, unknown>; status?: string } = {}) {
      const { data } = await api.post(
        "/admin/social-platforms",
        {
          name: `${provider} ${account_id}`,
          provider,
          account_id,
          api_config: { access_token, ...options.api_config },
          ...(options.status ? { status: options.status } : {}),
        },
        admin()
      )
      return data.social_platform.id as string
    },

    /** A posted post with these platform ids (`extra` overrides, e.g. the status); its id. */
    async post(platform_id: string, insights: Record<string, string>, extra: Record<string, unknown> = {}) {
      const { data } = await api.post("/admin/social-posts", { platform_id, status: "posted", insights, ...extra }, admin())
      return data.social_post.id as string
    },

    /** Runs `work` and returns the info lines Medusa's logger printed meanwhile. */
    async captureInfoLogs(work: () => Promise<unknown>): Promise<string[]> {
      const logger = getContainer().resolve("logger")
      const original = logger.info.bind(logger)
      const lines: string[] = []
      logger.info = (message: string) => {
        lines.push(message)
        return original(message)
      }
      try {
        await work()
      } finally {
        logger.info = original
      }
      return lines
    },

    /** Platform reads of one post in the sandbox's log: direct calls plus Batch API sub-requests. */
    requestsFor(platformPostId: string): number {
      return sandbox()
        .log()
        .reduce((n, entry) => n + (entry.path.includes(platformPostId) ? 1 : 0) + (entry.items ?? []).filter((i) => i.startsWith(platformPostId)).length, 0)
    },
  }
}
