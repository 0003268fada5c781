import { PencilSquare, Trash } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useDeleteSocialPost } from "../../hooks/api/post-insights"
import { useConfirmedDelete } from "../../hooks/use-confirmed-delete"
import { formatDateTime } from "../../lib/format"
import { MEDIA_TYPE_LABELS, platformPostIdOf, providerLabel } from "../../lib/platforms"
import { safeHref } from "../../lib/safe-href"
import type { SocialPost } from "../../lib/types"
import { ActionMenu } from "./action-menu"
import { PlatformStatusBadge, PostStatusBadge } from "./status-badges"

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-[minmax(7rem,1fr)_2fr] items-start gap-x-4 px-6 py-3">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <div className="txt-compact-small text-ui-fg-base min-w-0 break-words">{children}</div>
  </div>
)

/** The post itself: platform, status, ids and links; edit and delete. */
export const PostDetailsSection = ({ post, onEdit }: { post: SocialPost; onEdit: () => void }) => {
  const confirmDelete = useConfirmedDelete()
  const navigate = useNavigate()
  const { mutateAsync: deletePost } = useDeleteSocialPost(post.id)
  const url = safeHref(post.post_url)

  const onDelete = () =>
    confirmDelete({
      title: "Delete this post?",
      description: "Its insights and history are deleted with it. The post stays on the platform.",
      remove: deletePost,
      successMessage: "Post deleted",
      errorMessage: "Could not delete the post",
      onDeleted: () => navigate("/social-posts", { replace: true }),
    })

  return (
    <Container className="divide-y p-0" data-testid="post-details">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Heading className="break-words">{post.name || "Untitled post"}</Heading>
          {post.caption && (
            <Text size="small" className="text-ui-fg-subtle whitespace-pre-line break-words">
              {post.caption}
            </Text>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          <PostStatusBadge status={post.status} />
          <ActionMenu
            label="Post actions"
            groups={[[{ label: "Edit", icon: PencilSquare, onClick: onEdit }], [{ label: "Delete", icon: Trash, onClick: onDelete }]]}
          />
        </div>
      </div>
      <Row label="Platform">
        {post.platform ? (
          <span className="flex flex-wrap items-center gap-2">
            <Link to="/social-posts/platforms" className="text-ui-fg-interactive hover:underline">
              {post.platform.name}
            </Link>
            <span className="text-ui-fg-subtle">{providerLabel(post.platform.provider)}</span>
            {post.platform.status !== "active" && <PlatformStatusBadge status={post.platform.status} />}
          </span>
        ) : (
          "–"
        )}
      </Row>
      <Row label="Platform post id">
        <code className="txt-compact-small-plus break-all">{platformPostIdOf(post.insights) ?? "–"}</code>
      </Row>
      <Row label="Media type">{post.media_type ? MEDIA_TYPE_LABELS[post.media_type] : post.insights?.media_product_type ?? "–"}</Row>
      <Row label="Published">{formatDateTime(post.posted_at)}</Row>
      {url && (
        <Row label="URL">
          <a href={url} target="_blank" rel="noopener noreferrer" className="text-ui-fg-interactive break-all hover:underline">
            {url}
          </a>
        </Row>
      )}
    </Container>
  )
}
