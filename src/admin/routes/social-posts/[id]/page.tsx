import { ArrowLeft } from "@medusajs/icons"
import { Alert, Container, Skeleton } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { InsightsChart } from "../../../components/social-posts/insights-chart"
import { LinkedProductsSection } from "../../../components/social-posts/linked-products-section"
import { PostDetailsSection } from "../../../components/social-posts/post-details-section"
import { PostFormDrawer } from "../../../components/social-posts/post-form-drawer"
import { PostInsightsPanel } from "../../../components/social-posts/post-insights-panel"
import { useSocialPost } from "../../../hooks/api/post-insights"
import { PromotionsSection } from "../../../components/social-attribution/promotions-section"
import { SalesSection } from "../../../components/social-attribution/sales-section"
import { TrackedLinkSection } from "../../../components/social-attribution/tracked-link-section"

/** /social-posts/:id — the post, its insights panel, its history chart and the products it promotes. */
const SocialPostDetailPage = () => {
  const { id = "" } = useParams()
  const { social_post: post, isPending, isError, error } = useSocialPost(id)
  const [editing, setEditing] = useState(false)

  const back = (
    <Link to="/social-posts" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base flex w-fit items-center gap-x-1">
      <ArrowLeft /> Social Posts
    </Link>
  )

  if (isPending) {
    return (
      <div className="flex flex-col gap-y-3">
        {back}
        <Container className="flex flex-col gap-y-3">
          <Skeleton className="h-6 w-1/3" />
          <Skeleton className="h-24 w-full" />
        </Container>
      </div>
    )
  }
  if (isError || !post) {
    return (
      <div className="flex flex-col gap-y-3">
        {back}
        <Alert variant="error">
          {(error as { status?: number } | null)?.status === 404
            ? "This post does not exist (it may have been deleted)."
            : `Could not load the post: ${error?.message ?? "unknown error"}`}
        </Alert>
      </div>
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      {back}
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-y-3" data-testid="post-insights-column">
          <PostInsightsPanel
            postId={post.id}
            insights={post.insights}
            status={post.status}
            lastSyncedAt={post.insights_synced_at}
            syncStatus={post.insights_sync_status}
            nextSyncAt={post.next_sync_at}
            postUrl={post.post_url}
            platform={post.platform ?? null}
          />
          <SalesSection postId={post.id} />
          <Container className="p-0">
            <InsightsChart postId={post.id} />
          </Container>
        </div>
        <div className="flex min-w-0 flex-col gap-y-3">
          <PostDetailsSection post={post} onEdit={() => setEditing(true)} />
          <LinkedProductsSection postId={post.id} />
          <TrackedLinkSection postId={post.id} postName={post.name ?? null} provider={post.platform?.provider ?? "social"} />
          <PromotionsSection postId={post.id} postName={post.name ?? null} />
        </div>
      </div>
      <PostFormDrawer open={editing} onOpenChange={setEditing} post={post} />
    </div>
  )
}

export default SocialPostDetailPage
