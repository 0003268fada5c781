import { Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { useSocialPostProducts } from "../../hooks/api/post-insights"
import { LinkProductsDrawer } from "./link-products-drawer"
import { ProductThumbnail } from "./product-thumbnail"

/** The products a post promotes (module link social_post ↔ product). */
export const LinkedProductsSection = ({ postId }: { postId: string }) => {
  const { products, isPending, isError, error } = useSocialPostProducts(postId)
  const [open, setOpen] = useState(false)
  return (
    <Container className="divide-y p-0" data-testid="linked-products">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Products</Heading>
        <Button size="small" variant="secondary" onClick={() => setOpen(true)} disabled={isPending || isError}>
          Edit
        </Button>
      </div>
      <div className="px-6 py-4">
        {isPending ? (
          <Skeleton className="h-8 w-full" />
        ) : isError ? (
          <Text size="small" className="text-ui-fg-error">
            Could not load the linked products: {error?.message}
          </Text>
        ) : !products?.length ? (
          <Text size="small" className="text-ui-fg-muted">
            Link the products this post promotes: its numbers then show on each product's page.
          </Text>
        ) : (
          <ul className="flex flex-col gap-y-2">
            {products.map((p) => (
              <li key={p.id} className="flex items-center gap-x-3">
                <ProductThumbnail src={p.thumbnail} alt="" />
                <Link to={`/products/${p.id}`} className="txt-compact-small text-ui-fg-interactive truncate hover:underline">
                  {p.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <LinkProductsDrawer open={open} onOpenChange={setOpen} postId={postId} linked={products ?? []} />
    </Container>
  )
}
