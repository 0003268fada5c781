import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath, ChatBubbleLeftRight, Plus } from "@medusajs/icons"
import {
  Alert,
  Button,
  Container,
  DataTable,
  DataTableFilteringState,
  DataTablePaginationState,
  DataTableSortingState,
  Heading,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  useDataTable,
} from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { PlatformFormDrawer } from "../../components/social-posts/platform-form-drawer"
import { PostFormDrawer } from "../../components/social-posts/post-form-drawer"
import { RelativeTime } from "../../components/social-posts/relative-time"
import { PlatformStatusBadge, PostStatusBadge, SyncStatusBadge } from "../../components/social-posts/status-badges"
import { SyncAllDrawer } from "../../components/social-posts/sync-all-drawer"
import { useSocialPlatforms, useSocialPosts } from "../../hooks/api/post-insights"
import { formatCount, formatPercent, knownEngagementRate } from "../../lib/format"
import { POST_STATUS_LABELS, providerLabel } from "../../lib/platforms"
import { useStoreDefaultCurrency } from "../../hooks/api/social-attribution"
import type { PostSalesSummary } from "../../lib/attribution-types"
import { formatRevenue } from "../../lib/money"
import { POST_STATUSES, type PostStatus, type SocialPost } from "../../lib/types"
import { ExportCsvButton } from "../../components/reports/export-csv-button"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<SocialPost>()
const filterHelper = createDataTableFilterHelper<SocialPost>()

const columns = [
  columnHelper.accessor("name", {
    header: "Post",
    cell: ({ row }) => {
      const { name, caption } = row.original
      return (
        <div className="flex min-w-[160px] max-w-[280px] flex-col">
          <span className="text-ui-fg-base truncate font-medium">{name || caption || "Untitled post"}</span>
          {name && caption && <span className="text-ui-fg-subtle truncate">{caption}</span>}
        </div>
      )
    },
  }),
  columnHelper.accessor("platform", {
    header: "Platform",
    cell: ({ row }) => {
      const platform = row.original.platform
      return platform ? (
        <div className="flex flex-col items-start">
          <span className="truncate">{platform.name}</span>
          <span className="text-ui-fg-subtle">{providerLabel(platform.provider)}</span>
          {platform.status !== "active" && <PlatformStatusBadge status={platform.status} />}
        </div>
      ) : (
        "–"
      )
    },
  }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <PostStatusBadge status={getValue()} />,
  }),
  columnHelper.display({
    id: "likes",
    header: "❤️ Likes",
    cell: ({ row }) => <span className="tabular-nums">{formatCount(row.original.insights?.likes)}</span>,
  }),
  columnHelper.display({
    id: "comments",
    header: "💬 Comments",
    cell: ({ row }) => <span className="tabular-nums">{formatCount(row.original.insights?.comments)}</span>,
  }),
  columnHelper.display({
    id: "engagement_rate",
    header: "📈 Eng. rate",
    cell: ({ row }) => <span className="tabular-nums">{formatPercent(knownEngagementRate(row.original.insights))}</span>,
  }),
  // Attribution (docs/attribution.md): GET /admin/social-posts adds `sales` to each post.
  columnHelper.accessor((post) => (post as SocialPost & { sales?: PostSalesSummary }).sales?.orders ?? 0, {
    id: "orders",
    header: "🛒 Orders",
    enableSorting: true,
    sortLabel: "Orders",
    sortAscLabel: "Fewest first",
    sortDescLabel: "Most first",
    cell: ({ getValue }) => <span className="tabular-nums">{formatCount(getValue())}</span>,
  }),
  columnHelper.accessor((post) => (post as SocialPost & { sales?: PostSalesSummary }).sales?.revenue ?? [], {
    id: "revenue",
    header: "💰 Revenue",
    enableSorting: true,
    sortLabel: "Revenue (store currency)",
    sortAscLabel: "Lowest first",
    sortDescLabel: "Highest first",
    cell: ({ getValue }) => <span className="tabular-nums" data-testid="post-revenue">{formatRevenue(getValue())}</span>,
  }),
  columnHelper.accessor("insights_synced_at", {
    header: "Last synced",
    cell: ({ getValue }) => <RelativeTime value={getValue()} fallback="never" />,
  }),
  columnHelper.accessor("insights_sync_status", {
    header: "Sync",
    cell: ({ getValue }) => <SyncStatusBadge status={getValue()} />,
  }),
]

const SocialPostsPage = () => {
  const navigate = useNavigate()
  const [search, setSearch] = useState("")
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [sorting, setSorting] = useState<DataTableSortingState | null>(null)
  const { currency } = useStoreDefaultCurrency()
  const [drawer, setDrawer] = useState<"post" | "platform" | "sync-all" | null>(null)

  const { social_platforms: platforms, count: platformCount, isPending: platformsPending } = useSocialPlatforms({ limit: 200, order: "name" })

  const query = {
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    ...(search ? { q: search } : {}),
    ...(typeof filtering.platform_id === "string" ? { platform_id: filtering.platform_id } : {}),
    ...(typeof filtering.status === "string" ? { status: filtering.status as PostStatus } : {}),
    // Revenue is ranked within one currency: the store's default.
    ...(sorting?.id === "revenue" && currency ? { order: sorting.desc ? "-revenue" : "revenue", currency_code: currency } : {}),
    ...(sorting?.id === "orders" ? { order: sorting.desc ? "-orders" : "orders" } : {}),
  }
  const { social_posts, count, isPending, isError, error, refetch } = useSocialPosts(query, { placeholderData: (previous) => previous })

  const filters = useMemo(
    () => [
      filterHelper.accessor("platform_id", {
        type: "radio",
        label: "Platform",
        options: (platforms ?? []).map((p) => ({ label: `${p.name} (${providerLabel(p.provider)})`, value: p.id })),
      }),
      filterHelper.accessor("status", {
        type: "radio",
        label: "Status",
        options: POST_STATUSES.map((s) => ({ label: POST_STATUS_LABELS[s], value: s })),
      }),
    ],
    [platforms]
  )

  const table = useDataTable({
    columns,
    data: social_posts ?? [],
    getRowId: (row) => row.id,
    rowCount: count ?? 0,
    isLoading: isPending,
    filters,
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
    filtering: { state: filtering, onFilteringChange: setFiltering },
    sorting: { state: sorting, onSortingChange: setSorting },
    onRowClick: (_event, row) => navigate(`/social-posts/${row.id}`),
  })

  const noPlatforms = !platformsPending && platformCount === 0

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col p-0">
        <DataTable instance={table}>
          <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
            <div className="flex flex-col">
              <Heading>Social Posts</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                How your shop's posts perform on Instagram, Facebook, X and LinkedIn.
              </Text>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <ExportCsvButton filters={query} />
              <Button size="small" variant="secondary" asChild>
                <Link to="/social-posts/platforms">Platforms</Link>
              </Button>
              <Button size="small" variant="secondary" onClick={() => setDrawer("sync-all")} disabled={noPlatforms} data-testid="open-sync-all">
                <ArrowPath />
                Sync all insights
              </Button>
              <Button size="small" variant="primary" onClick={() => setDrawer(noPlatforms ? "platform" : "post")} data-testid="open-add-post">
                <Plus />
                {noPlatforms ? "Connect a platform" : "Add post"}
              </Button>
            </div>
          </DataTable.Toolbar>
          {noPlatforms && (
            <div className="px-6 pb-4">
              <Alert variant="info">
                Connect an Instagram, Facebook, X or LinkedIn account first; then add the posts you published there to see
                how they perform.
              </Alert>
            </div>
          )}
          <div className="flex flex-wrap items-center justify-between gap-2 px-6 pb-4">
            <div className="flex items-center gap-x-2">
              <div data-testid="posts-filter-menu">
                <DataTable.FilterMenu tooltip="Filter" />
              </div>
              <DataTable.SortingMenu tooltip="Sort" />
            </div>
            <DataTable.Search placeholder="Search posts" />
          </div>
          {isError ? (
            <div className="px-6 pb-6">
              <Alert variant="error" data-testid="posts-error">
                Could not load posts: {error?.message}{" "}
                <button type="button" className="text-ui-fg-interactive underline" onClick={() => refetch()}>
                  Try again
                </button>
              </Alert>
            </div>
          ) : (
            <>
              <DataTable.Table
                emptyState={{
                  empty: {
                    heading: "No social posts yet",
                    description: noPlatforms ? "Connect a platform, then add a published post." : "Add a published post to start tracking its insights.",
                  },
                  filtered: { heading: "No matching posts", description: "Try another search or remove a filter." },
                }}
              />
              <DataTable.Pagination />
            </>
          )}
        </DataTable>
      </Container>
      <PostFormDrawer open={drawer === "post"} onOpenChange={(o) => setDrawer(o ? "post" : null)} onSaved={(post) => navigate(`/social-posts/${post.id}`)} />
      <PlatformFormDrawer open={drawer === "platform"} onOpenChange={(o) => setDrawer(o ? "platform" : null)} mode="create" />
      <SyncAllDrawer open={drawer === "sync-all"} onOpenChange={(o) => setDrawer(o ? "sync-all" : null)} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Social Posts",
  icon: ChatBubbleLeftRight,
})

export default SocialPostsPage
