import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Alert, Container, Heading, Select, Skeleton, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { BestTimeHeatmap } from "../../components/reports/best-time-heatmap"
import { PeriodTable } from "../../components/reports/period-table"
import { TimezoneSelect } from "../../components/reports/timezone-select"
import { useBestTime, useOverviewSettings, useSocialOverview } from "../../hooks/api/reports"
import { formatPercent } from "../../lib/format"
import { providerLabel } from "../../lib/platforms"

const PERIODS = [7, 30, 90] as const
const DAY_MS = 86_400_000
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"

/** /social-overview — the period against the previous one, the top posts and the best time to post. */
const SocialOverviewPage = () => {
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30)
  const [platform, setPlatform] = useState("all")
  // One "now" per choice so the query key (and the cache) is stable between renders.
  const query = useMemo(() => {
    const to = new Date(Math.ceil(Date.now() / 60_000) * 60_000)
    return { from: new Date(to.getTime() - days * DAY_MS).toISOString(), to: to.toISOString(), ...(platform === "all" ? {} : { platform }) }
  }, [days, platform])
  const browser = browserZone()
  const settings = useOverviewSettings()
  // The store's zone when the merchant chose one, else the browser's (wait for the setting: no heatmap in the wrong zone first).
  const stored = settings.data?.settings.timezone ?? null
  const tz = stored ?? browser
  const overview = useSocialOverview(query)
  const bestTime = useBestTime({ ...query, tz }, { enabled: settings.isSuccess || settings.isError })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h1">Social overview</Heading>
          <Text size="small" className="text-ui-fg-subtle">The last {days} days against the {days} days before.</Text>
        </div>
        <div className="flex gap-x-2">
          <Select value={String(days)} onValueChange={(v) => setDays(Number(v) as (typeof PERIODS)[number])} size="small">
            <Select.Trigger data-testid="overview-period" className="w-[150px]"><Select.Value /></Select.Trigger>
            <Select.Content>
              {PERIODS.map((d) => <Select.Item key={d} value={String(d)}>{`Last ${d} days`}</Select.Item>)}
            </Select.Content>
          </Select>
          <Select value={platform} onValueChange={setPlatform} size="small">
            <Select.Trigger data-testid="overview-platform" className="w-[150px]"><Select.Value /></Select.Trigger>
            <Select.Content>
              <Select.Item value="all">All platforms</Select.Item>
              {["instagram", "facebook", "twitter", "linkedin"].map((p) => <Select.Item key={p} value={p}>{providerLabel(p)}</Select.Item>)}
            </Select.Content>
          </Select>
        </div>
      </Container>

      <Container className="overflow-x-auto p-0">
        {overview.isPending ? <Skeleton className="m-6 h-[160px]" /> : overview.isError ? (
          <Alert variant="error" className="m-6">{overview.error.message}</Alert>
        ) : (
          <PeriodTable overview={overview.data} />
        )}
      </Container>

      {overview.data && (
        <Container className="grid gap-6 px-6 py-4 md:grid-cols-2">
          <div data-testid="top-by-rate">
            <Heading level="h2" className="mb-2">Top posts by engagement rate</Heading>
            {overview.data.top_posts.by_engagement_rate.length ? overview.data.top_posts.by_engagement_rate.map((p) => (
              <div key={p.id} className="flex justify-between gap-x-2 py-1 text-ui-fg-base">
                <Link to={`/social-posts/${p.id}`} className="txt-compact-small truncate text-ui-fg-interactive">{p.name ?? p.id}</Link>
                <Text size="small">{formatPercent(p.engagement_rate)}</Text>
              </div>
            )) : <Text size="small" className="text-ui-fg-subtle">No post of the period has a rate yet.</Text>}
          </div>
          <div data-testid="top-by-revenue">
            <Heading level="h2" className="mb-2">Top posts by revenue</Heading>
            {Object.entries(overview.data.top_posts.by_revenue ?? {}).flatMap(([currency, posts]) => posts.map((p) => (
              <div key={`${currency}-${p.id}`} className="flex justify-between gap-x-2 py-1">
                <Link to={`/social-posts/${p.id}`} className="txt-compact-small truncate text-ui-fg-interactive">{p.name ?? p.id}</Link>
                <Text size="small">{new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(p.revenue ?? 0)}</Text>
              </div>
            )))}
            {!Object.keys(overview.data.top_posts.by_revenue ?? {}).length && <Text size="small" className="text-ui-fg-subtle">No attributed orders in this period.</Text>}
          </div>
        </Container>
      )}

      <Container className="px-6 py-4">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <Heading level="h2">Best time to post</Heading>
          {settings.isSuccess && <TimezoneSelect stored={stored} browserZone={browser} />}
        </div>
        {bestTime.isPending ? <Skeleton className="h-[260px]" /> : bestTime.isError ? (
          <Alert variant="error">{bestTime.error.message}</Alert>
        ) : (
          <BestTimeHeatmap cells={bestTime.data.cells} tz={bestTime.data.tz} minPosts={bestTime.data.min_posts} />
        )}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Social overview", icon: ChartBar })

export default SocialOverviewPage
