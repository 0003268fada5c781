export declare const STORAGE_KEY: string
export declare const DEFAULT_WINDOW_DAYS: number

export type SocialClick = {
  utm_source: string
  utm_medium: "social"
  utm_campaign: string
  utm_content: string
  /** ISO 8601 time of the click, in the shopper's browser. */
  utm_clicked_at: string
}

export type ClickStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">

export type ReadOptions = { storage?: ClickStorage; now?: number; windowDays?: number }

export declare function captureSocialClick(options?: { url?: string; storage?: ClickStorage; now?: number }): SocialClick | null
export declare function readSocialClick(options?: ReadOptions): SocialClick | null
export declare function attachSocialClickToCart(
  cartId: string,
  options?: ReadOptions & {
    sdk?: { store: { cart: { update(id: string, body: { metadata: SocialClick }): Promise<unknown> } } }
    baseUrl?: string
    publishableKey?: string
    fetch?: typeof fetch
  }
): Promise<SocialClick | { error: string } | null>
export declare function buildTrackedLink(url: string, post: { postId: string; platform: string; campaign: string }): string
