import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useOrderSocialAttribution } from "../hooks/api/social-attribution"
import { formatMoney } from "../lib/money"

/** On an order's page: the social post it is credited to, and how (tracked link or promotion code). */
const OrderSocialAttributionWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { attribution, isPending, isError, error } = useOrderSocialAttribution(order.id)
  return (
    <Container className="flex flex-col gap-y-2" data-testid="order-social-attribution">
      <Heading level="h2">Social attribution</Heading>
      {isPending ? (
        <Skeleton className="h-5 w-full" />
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error">Could not load the attribution: {error?.message}</Text>
      ) : !attribution ? (
        <Text size="small" className="text-ui-fg-muted">Not attributed to a social post.</Text>
      ) : (
        <>
          <Text size="small" data-testid="order-attributed-to">
            Attributed to:{" "}
            {attribution.social_post ? (
              <Link to={`/social-posts/${attribution.social_post.id}`} className="text-ui-fg-interactive hover:underline">
                {attribution.social_post.name || "Untitled post"}
              </Link>
            ) : (
              "a deleted post"
            )}{" "}
            ({attribution.source})
          </Text>
          <div className="flex flex-wrap items-center gap-2">
            {attribution.promotion_code && <Badge size="2xsmall">{attribution.promotion_code}</Badge>}
            {attribution.platform && <Badge size="2xsmall">{attribution.platform}</Badge>}
            <Text size="xsmall" className="text-ui-fg-subtle">
              Net sales credited: {formatMoney(attribution.net_total, attribution.currency_code)}
              {attribution.canceled_at ? " (canceled)" : ""}
            </Text>
          </div>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side",
})

export default OrderSocialAttributionWidget
