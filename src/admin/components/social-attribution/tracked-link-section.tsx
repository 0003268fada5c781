import { Button, Container, Heading, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { buildTrackedLink } from "../../../../storefront/social-attribution.mjs"
import { useSocialPostProducts } from "../../hooks/api/social-posts"

const STOREFRONT_KEY = "social-insights.storefront-url"
const ANY_URL = "__url__"

function readStorefront(): string {
  try {
    return localStorage.getItem(STOREFRONT_KEY) || "http://localhost:8000"
  } catch {
    return "http://localhost:8000"
  }
}

function tryLink(target: string, post: { postId: string; platform: string; campaign: string }): string | null {
  try {
    const url = new URL(target)
    return url.protocol === "http:" || url.protocol === "https:" ? buildTrackedLink(target, post) : null
  } catch {
    return null
  }
}

/**
 * Builds the link to share in the post: a linked product's page or any storefront
 * URL, with utm_source = platform, utm_medium = social, utm_campaign (default the
 * post's name) and utm_content = the post id. The storefront helper reads them.
 */
export const TrackedLinkSection = ({ postId, postName, provider }: { postId: string; postName: string | null; provider: string }) => {
  const { products } = useSocialPostProducts(postId)
  const [storefront, setStorefront] = useState(readStorefront)
  const [target, setTarget] = useState<string>(ANY_URL)
  const [path, setPath] = useState("/")
  const [campaign, setCampaign] = useState(postName || postId)

  useEffect(() => {
    try {
      localStorage.setItem(STOREFRONT_KEY, storefront)
    } catch {
      // Blocked storage: the URL is just not remembered.
    }
  }, [storefront])

  const product = products?.find((p) => p.id === target)
  const base = storefront.replace(/\/+$/, "")
  const url = product ? `${base}/products/${product.handle ?? product.id}` : `${base}${path.startsWith("/") ? path : `/${path}`}`
  const link = useMemo(() => tryLink(url, { postId, platform: provider, campaign: campaign.trim() || postId }), [url, postId, provider, campaign])

  const copy = async () => {
    if (!link) return
    try {
      await navigator.clipboard.writeText(link)
      toast.success("Tracked link copied")
    } catch {
      toast.info("Select the link and copy it")
    }
  }

  return (
    <Container className="flex flex-col gap-y-3" data-testid="tracked-link">
      <div className="flex flex-col">
        <Heading level="h2">Tracked link</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Share this link in the post: orders placed within the attribution window after a click are credited to it.
        </Text>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall" htmlFor="tracked-storefront">Storefront URL</Label>
        <Input id="tracked-storefront" size="small" value={storefront} onChange={(e) => setStorefront(e.target.value)} />
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall">Links to</Label>
        <Select value={target} onValueChange={setTarget}>
          <Select.Trigger data-testid="tracked-link-target">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ANY_URL}>A storefront page</Select.Item>
            {(products ?? []).map((p) => (
              <Select.Item key={p.id} value={p.id}>
                {p.title}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {!product && (
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" htmlFor="tracked-path">Path</Label>
          <Input id="tracked-path" size="small" value={path} onChange={(e) => setPath(e.target.value)} />
        </div>
      )}
      <div className="flex flex-col gap-y-1">
        <Label size="xsmall" htmlFor="tracked-campaign">Campaign</Label>
        <Input id="tracked-campaign" size="small" value={campaign} onChange={(e) => setCampaign(e.target.value)} />
      </div>
      {link ? (
        <div className="flex items-center gap-x-2">
          <code className="bg-ui-bg-subtle txt-compact-small min-w-0 flex-1 break-all rounded border px-2 py-1" data-testid="tracked-link-value">
            {link}
          </code>
          <Button size="small" variant="secondary" onClick={copy}>
            Copy
          </Button>
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-error">
          Enter an http(s) storefront URL.
        </Text>
      )}
    </Container>
  )
}
