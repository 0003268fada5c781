import { Badge, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../../lib/sdk"
import type { SocialPlatform } from "../../lib/types"
import type { XSpendSummary } from "../../../types/api"

/** GET /admin/social-platforms/:id/x-spend */
export type XSpend = XSpendSummary

const usd = (n: number) => n.toLocaleString(undefined, { style: "currency", currency: "USD" })
/** A price per read is a fraction of a cent: $0.005, not $0.01. */
const perRead = (n: number) => n.toLocaleString(undefined, { style: "currency", currency: "USD", maximumFractionDigits: 4 })
const count = (n: number) => n.toLocaleString()

const STATE: Record<XSpend["state"], { label: string; color: "green" | "orange" | "red"; hint: string }> = {
  ok: { label: "Within cap", color: "green", hint: "" },
  near_cap: { label: "Near cap", color: "orange", hint: "Metrics stay fresh; replies are fetched only when you sync a single post." },
  capped: { label: "Cap reached", color: "red", hint: "No X reads until the month turns (SOCIALS_X_MONTHLY_READ_CAP)." },
}

const XSpendRow = ({ platform }: { platform: SocialPlatform }) => {
  const { data, isPending, isError, error } = useQuery({
    queryKey: ["social-platforms", platform.id, "x-spend"],
    queryFn: () => sdk.client.fetch<XSpend>(`/admin/social-platforms/${platform.id}/x-spend`),
  })
  if (isPending) return <Skeleton className="h-12 w-full" />
  if (isError) return <Text size="small" className="text-ui-fg-error">{(error as Error).message}</Text>
  const state = STATE[data.state]
  return (
    <div className="flex flex-col gap-y-1" data-testid={`x-spend-${platform.id}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Heading level="h3">{platform.name}</Heading>
        <Badge size="2xsmall" color={state.color} data-testid="x-spend-state">{state.label}</Badge>
      </div>
      <Text size="small" data-testid="x-spend-month">
        {data.month}: <span data-testid="x-spend-reads">{count(data.reads)}</span> reads
        {data.cap !== null && <> of <span data-testid="x-spend-cap">{count(data.cap)}</span></>}, about{" "}
        <span data-testid="x-spend-estimated">{usd(data.estimated_spend)}</span>
      </Text>
      <Text size="small" className="text-ui-fg-subtle" data-testid="x-spend-projection">
        At this pace: {count(data.projected_month_end_reads)} reads, about {usd(data.projected_spend)} by month end (at{" "}
        {perRead(data.price_per_read)} a read).
      </Text>
      {state.hint && <Text size="small" className="text-ui-fg-subtle">{state.hint}</Text>}
    </div>
  )
}

/** X bills every post read: this month's reads, estimated spend and month-end projection per X account. */
export const XSpendSection = ({ platforms }: { platforms: SocialPlatform[] }) => {
  const shown = platforms.filter((p) => p.provider === "twitter" && p.status !== "disabled")
  if (!shown.length) return null
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="x-spend">
      <div>
        <Heading level="h2">X reads and spend</Heading>
        <Text size="small" className="text-ui-fg-subtle">Every post X returns (a looked-up post, a reply) is a billed read.</Text>
      </div>
      {shown.map((p) => (
        <XSpendRow key={p.id} platform={p} />
      ))}
    </Container>
  )
}
