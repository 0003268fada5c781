import { Badge, Button, Container, Heading, Input, Label, Skeleton, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import {
  useCreatePostPromotion,
  usePromotionPicker,
  useSocialPostPromotions,
  useUpdateSocialPostPromotions,
} from "../../hooks/api/social-attribution"

const suggestCode = (name: string | null) =>
  ((name ?? "POST").toUpperCase().replace(/[^A-Z0-9]+/g, "").slice(0, 12) || "POST") + "10"

/** Promotion codes handed out in the post: an order using one is credited to the post, no storefront change needed. */
export const PromotionsSection = ({ postId, postName }: { postId: string; postName: string | null }) => {
  const { promotions, isPending, isError, error } = useSocialPostPromotions(postId)
  const [search, setSearch] = useState("")
  const [debounced, setDebounced] = useState("")
  const [code, setCode] = useState(() => suggestCode(postName))
  const [percentage, setPercentage] = useState("10")
  const picker = usePromotionPicker(debounced, debounced.length > 0)
  const update = useUpdateSocialPostPromotions(postId, {
    onError: (e) => toast.error("Could not update the promotions", { description: e.message }),
  })
  const create = useCreatePostPromotion(postId, {
    onSuccess: () => toast.success(`Code ${code} created and linked`),
    onError: (e) => toast.error("Could not create the code", { description: e.message }),
  })

  useEffect(() => {
    const t = setTimeout(() => setDebounced(search.trim()), 300)
    return () => clearTimeout(t)
  }, [search])

  const linkedIds = new Set((promotions ?? []).map((p) => p.id))
  const value = Number(percentage)
  const canCreate = /^[A-Za-z0-9_-]{2,40}$/.test(code) && value > 0 && value <= 100

  return (
    <Container className="divide-y p-0" data-testid="post-promotions">
      <div className="flex flex-col px-6 py-4">
        <Heading level="h2">Promotion codes</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Orders that use a linked code are credited to this post, before any tracked link.
        </Text>
      </div>
      <div className="px-6 py-4">
        {isPending ? (
          <Skeleton className="h-8 w-full" />
        ) : isError ? (
          <Text size="small" className="text-ui-fg-error">Could not load the promotions: {error?.message}</Text>
        ) : !promotions?.length ? (
          <Text size="small" className="text-ui-fg-muted">No code linked yet.</Text>
        ) : (
          <ul className="flex flex-col gap-y-2">
            {promotions.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-x-2" data-testid="linked-promotion">
                <span className="flex items-center gap-x-2">
                  <Badge size="2xsmall">{p.code ?? p.id}</Badge>
                  {p.status !== "active" && <Text size="xsmall" className="text-ui-fg-muted">{p.status}</Text>}
                </span>
                <Button size="small" variant="transparent" disabled={update.isPending} onClick={() => update.mutate({ remove: [p.id] })}>
                  Unlink
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Label size="xsmall" htmlFor="promotion-search">Link an existing promotion</Label>
        <Input id="promotion-search" size="small" type="search" placeholder="Search codes" value={search} onChange={(e) => setSearch(e.target.value)} />
        {debounced && (
          <ul className="flex flex-col gap-y-1">
            {(picker.promotions ?? []).filter((p) => !linkedIds.has(p.id)).map((p) => (
              <li key={p.id} className="flex items-center justify-between">
                <Text size="small">{p.code}</Text>
                <Button size="small" variant="secondary" disabled={update.isPending} onClick={() => update.mutate({ add: [p.id] })}>
                  Link
                </Button>
              </li>
            ))}
            {picker.isError && <Text size="small" className="text-ui-fg-error">{picker.error?.message}</Text>}
            {!picker.isPending && !picker.promotions?.length && <Text size="small" className="text-ui-fg-muted">No matching code.</Text>}
          </ul>
        )}
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Label size="xsmall">Create a code for this post</Label>
        <div className="flex items-center gap-x-2">
          <Input size="small" aria-label="Code" value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />
          <Input size="small" aria-label="Percent off" type="number" min={1} max={100} className="w-20" value={percentage} onChange={(e) => setPercentage(e.target.value)} />
          <Text size="small">% off</Text>
          <Button size="small" variant="secondary" disabled={!canCreate} isLoading={create.isPending} onClick={() => create.mutate({ code, percentage: value })}>
            Create
          </Button>
        </div>
      </div>
    </Container>
  )
}
