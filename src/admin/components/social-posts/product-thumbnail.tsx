import { Photo } from "@medusajs/icons"
import { safeHref } from "../../lib/safe-href"

export const ProductThumbnail = ({ src, alt }: { src?: string | null; alt: string }) => {
  const url = safeHref(src)
  return (
    <div className="bg-ui-bg-component flex h-8 w-6 shrink-0 items-center justify-center overflow-hidden rounded border">
      {url ? <img src={url} alt={alt} className="h-full w-full object-cover" /> : <Photo className="text-ui-fg-subtle" />}
    </div>
  )
}
