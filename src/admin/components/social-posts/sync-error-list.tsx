import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatDateTime, formatRelative, toDate } from "../../lib/format"
import { providerLabel } from "../../lib/platforms"
import type { SyncErrorDetail } from "../../lib/types"

const SECTION_LABELS: Record<string, string> = {
  post: "Post",
  account: "Account",
  metrics: "Metrics",
  insights: "Insights metrics",
  reactions: "Reactions",
  comments: "Comments",
  video: "Video metrics",
}

type Advice = { text: string; reconnect?: boolean }

/** What the merchant can do about each kind of failure (codes from the module's PlatformApiError kinds). */
function adviceFor(detail: SyncErrorDetail): Advice | undefined {
  switch (detail.code) {
    case "auth":
    case "refresh_failed":
      return { text: "The access token has expired or was revoked. Reconnect the account with a new token.", reconnect: true }
    case "token_missing":
      return { text: "No access token is stored for this account. Reconnect it with a token.", reconnect: true }
    case "token_unreadable":
      return { text: "The stored token cannot be decrypted with the current encryption key. Restore the key, or reconnect the account with a new token.", reconnect: true }
    case "permission":
      return { text: "The token is missing a permission for this data. Reconnect with a token that has the insights and comments permissions.", reconnect: true }
    case "rate_limit":
    case "local_budget": {
      const until = toDate(detail.retry_after)
      return {
        text: until
          ? `The platform's rate limit was reached. Wait until ${formatDateTime(until)} (${formatRelative(until)}) before syncing again.`
          : "The platform's rate limit was reached. Wait a while before syncing again; scheduled syncs retry on their own.",
      }
    }
    case "not_found":
      return { text: "The platform no longer has this post: it was deleted, or its id is wrong. Check the post id, or archive the post." }
    case "invalid_id":
      return { text: "The post id does not look like one this platform uses. Edit the post and correct its id." }
    case "server":
    case "network":
    case "timeout":
    case "malformed_response":
      return { text: "The platform did not answer properly. This is usually temporary: try again in a few minutes." }
    case "version_unsupported":
      return { text: "The platform retired the API version in use. Update the plugin." }
    case "retired_metric":
    case "metric_unavailable":
    case "insights_unavailable":
      return { text: "The platform does not provide this number for this kind of post; nothing to do." }
    case "likes_hidden":
      return { text: "The account hides like counts on this post, so the platform does not share them." }
    default:
      return undefined
  }
}

/** Older blobs carry only "Section: Message" strings. */
function fromStrings(errors: string[]): SyncErrorDetail[] {
  return errors.map((line) => {
    const at = line.indexOf(": ")
    return at > 0
      ? { section: line.slice(0, at), code: "", message: line.slice(at + 2) }
      : { section: "", code: "", message: line }
  })
}

export const SyncErrorList = ({
  details,
  errors,
  platformId,
}: {
  details?: SyncErrorDetail[]
  errors?: string[]
  platformId?: string
}) => {
  const items = details?.length ? details : errors?.length ? fromStrings(errors) : []
  if (!items.length) return null
  const blocking = items.filter((d) => d.severity !== "notice")
  const notices = items.filter((d) => d.severity === "notice")
  const render = (detail: SyncErrorDetail, i: number) => {
    const advice = adviceFor(detail)
    const section = SECTION_LABELS[detail.section] ?? detail.section
    return (
      <li key={`${detail.section}-${detail.code}-${i}`} className="flex flex-col gap-y-0.5" data-testid="sync-error">
        <Text size="small">
          {section && <span className="font-medium">{section}: </span>}
          {detail.message}
          {detail.platform && <span className="text-ui-fg-muted"> ({providerLabel(detail.platform)})</span>}
        </Text>
        {advice && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {advice.text}{" "}
            {advice.reconnect && platformId && (
              <Link to={`/social-posts/platforms?reconnect=${platformId}`} className="text-ui-fg-interactive hover:underline">
                Reconnect the account
              </Link>
            )}
          </Text>
        )}
      </li>
    )
  }
  return (
    <div className="flex flex-col gap-y-3">
      {blocking.length > 0 && (
        <div className="border-ui-tag-red-border bg-ui-tag-red-bg rounded-lg border px-3 py-2" role="alert">
          <Text size="small" weight="plus" className="mb-1">
            Last sync problems
          </Text>
          <ul className="flex flex-col gap-y-2">{blocking.map(render)}</ul>
        </div>
      )}
      {notices.length > 0 && (
        <div className="bg-ui-bg-subtle rounded-lg border px-3 py-2">
          <Text size="small" weight="plus" className="mb-1">
            Notes
          </Text>
          <ul className="flex flex-col gap-y-2">{notices.map(render)}</ul>
        </div>
      )}
    </div>
  )
}
