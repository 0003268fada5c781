import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { ArrowPath } from "@medusajs/icons"
import { Container, Heading, IconButton, Skeleton, Text, Tooltip, toast } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { RelativeTime } from "../components/social-posts/relative-time"
import { PostStatusBadge, SyncStatusBadge } from "../components/social-posts/status-badges"
import { useProductSocialPosts, useSyncPostInsights } from "../hooks/api/post-insights"
import { formatCompact, formatPercent, knownEngagementRate } from "../lib/format"
import { providerLabel } from "../lib/platforms"
import type { SocialPost } from "../lib/types"

const PostRow = ({ post }: { post: SocialPost }) => {
  // Hook-level callbacks: they run after the hook's own invalidation of the post and lists.
  const { mutate, isPending: syncing } = useSyncPostInsights({
    onSuccess: (res) => toast.success("Insights synced", { description: res.message }),
    onError: (e) => toast.error("Sync failed", { description: e.message }),
  })
  const i = post.insights ?? {}
  const sync = () => mutate(post.id)
  return (
    <li className="flex flex-col gap-y-1 px-6 py-3" data-testid="product-social-post">
      <div className="flex items-center justify-between gap-x-2">
        <Link to={`/social-posts/${post.id}`} className="txt-compact-small-plus text-ui-fg-interactive min-w-0 truncate hover:underline">
          {post.name || post.caption || "Untitled post"}
        </Link>
        <div className="flex shrink-0 items-center gap-x-1">
          <SyncStatusBadge status={post.insights_sync_status} />
          {post.status === "posted" && (
            <Tooltip content="Sync insights now">
              <IconButton size="small" variant="transparent" onClick={sync} disabled={syncing} isLoading={syncing} aria-label={`Sync insights of ${post.name ?? "post"}`}>
                <ArrowPath />
              </IconButton>
            </Tooltip>
          )}
        </div>
      </div>
      <div className="text-ui-fg-subtle txt-compact-small flex flex-wrap items-center gap-x-3 gap-y-1">
        <span>{post.platform ? `${providerLabel(post.platform.provider)} · ${post.platform.name}` : "–"}</span>
        {post.status !== "posted" && <PostStatusBadge status={post.status} />}
        <span title="Likes">❤️ {formatCompact(i.likes)}</span>
        <span title="Comments">💬 {formatCompact(i.comments)}</span>
        <span title="Reach">👥 {formatCompact(i.reach)}</span>
        <span title="Engagement rate">📈 {formatPercent(knownEngagementRate(i))}</span>
        <span>
          synced <RelativeTime value={post.insights_synced_at} fallback="never" />
        </span>
      </div>
    </li>
  )
}

/** On a product's page: the social posts that promote it, with their headline numbers. */
const ProductSocialPostsWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { social_posts: posts, isPending, isError, error } = useProductSocialPosts(product.id)
  return (
    <Container className="divide-y p-0" data-testid="product-social-posts-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Social posts</Heading>
        <Link to="/social-posts" className="txt-compact-small text-ui-fg-interactive hover:underline">
          All posts
        </Link>
      </div>
      {isPending ? (
        <div className="px-6 py-4">
          <Skeleton className="h-10 w-full" />
        </div>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          Could not load the social posts: {error?.message}
        </Text>
      ) : !posts?.length ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          No social post promotes this product yet. Open a post in Social Posts and link this product to it.
        </Text>
      ) : (
        <ul className="divide-y">
          {posts.map((post) => (
            <PostRow key={post.id} post={post} />
          ))}
        </ul>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductSocialPostsWidget
