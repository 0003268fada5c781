import { Button, Checkbox, Drawer, Input, Skeleton, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useUpdateSocialPostProducts } from "../../hooks/api/post-insights"
import { useProductPicker } from "../../hooks/api/product-picker"
import type { LinkedProduct } from "../../lib/types"
import { ProductThumbnail } from "./product-thumbnail"

/** Pick the products a post promotes; saves only what changed (add / remove). */
export const LinkProductsDrawer = ({
  open,
  onOpenChange,
  postId,
  linked,
}: {
  open: boolean
  onOpenChange: (open: boolean) => void
  postId: string
  linked: LinkedProduct[]
}) => {
  const [search, setSearch] = useState("")
  const [debounced, setDebounced] = useState("")
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const { products, isPending, isError, error } = useProductPicker(debounced, 20, open)
  const { mutate, isPending: saving } = useUpdateSocialPostProducts(postId)

  useEffect(() => {
    if (open) {
      setSelected(new Set(linked.map((p) => p.id)))
      setSearch("")
      setDebounced("")
    }
  }, [open, linked])

  useEffect(() => {
    const t = setTimeout(() => setDebounced(search.trim()), 300)
    return () => clearTimeout(t)
  }, [search])

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s)
      if (on) next.add(id)
      else next.delete(id)
      return next
    })

  const save = () => {
    const before = new Set(linked.map((p) => p.id))
    const add = [...selected].filter((id) => !before.has(id))
    const remove = [...before].filter((id) => !selected.has(id))
    if (!add.length && !remove.length) {
      onOpenChange(false)
      return
    }
    mutate(
      { add, remove },
      {
        onSuccess: () => {
          toast.success("Products updated")
          onOpenChange(false)
        },
        onError: (e) => toast.error("Could not update the products", { description: e.message }),
      }
    )
  }

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>Products in this post</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3 overflow-y-auto">
          <Input type="search" placeholder="Search products" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Search products" />
          {isPending ? (
            <div className="flex flex-col gap-y-2">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-10 w-full" />
              ))}
            </div>
          ) : isError ? (
            <Text size="small" className="text-ui-fg-error">
              Could not load products: {error?.message}
            </Text>
          ) : !products?.length ? (
            <Text size="small" className="text-ui-fg-muted">
              {debounced ? "No product matches this search." : "Your store has no products yet."}
            </Text>
          ) : (
            <ul className="flex flex-col divide-y rounded-lg border">
              {products.map((p) => (
                <li key={p.id}>
                  <label className="hover:bg-ui-bg-base-hover flex cursor-pointer items-center gap-x-3 px-3 py-2">
                    <Checkbox checked={selected.has(p.id)} onCheckedChange={(v) => toggle(p.id, v === true)} />
                    <ProductThumbnail src={p.thumbnail} alt="" />
                    <Text size="small">{p.title}</Text>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" onClick={save} isLoading={saving}>
            Save ({selected.size} selected)
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
