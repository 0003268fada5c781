import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useProductSocialSales } from "../hooks/api/social-attribution"
import { formatRevenue } from "../lib/money"

/** On a product's page: revenue by post, for the posts that promote this product. */
const ProductSocialSalesWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { social_posts: posts, isPending, isError, error } = useProductSocialSales(product.id)
  return (
    <Container className="divide-y p-0" data-testid="product-social-sales">
      <div className="flex flex-col px-6 py-4">
        <Heading level="h2">Revenue by post</Heading>
        <Text size="small" className="text-ui-fg-subtle">Net sales of the orders each post promoting this product brought.</Text>
      </div>
      {isPending ? (
        <div className="px-6 py-4"><Skeleton className="h-8 w-full" /></div>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">Could not load the revenue: {error?.message}</Text>
      ) : !posts?.length ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">No social post promotes this product yet.</Text>
      ) : (
        <ul className="divide-y">
          {posts.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-x-2 px-6 py-3">
              <Link to={`/social-posts/${p.id}`} className="txt-compact-small text-ui-fg-interactive min-w-0 truncate hover:underline">
                {p.name || "Untitled post"}
              </Link>
              <Text size="small" className="tabular-nums shrink-0">
                {p.sales.orders} order{p.sales.orders === 1 ? "" : "s"} · {formatRevenue(p.sales.revenue)}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.side",
})

export default ProductSocialSalesWidget
