import type { SyncContext } from "../types"
import type { ListedPost } from "./types"

/**
 * What a pasted post URL says about its post. X carries the post id (checked with
 * one lookup); the others are found in the account's own listing (Instagram and
 * Threads URLs carry a shortcode, Facebook pfbid links are opaque, LinkedIn
 * activity ids differ from post URNs).
 */
export type PostUrlClaim =
  | { platform: string; kind: "listing"; match(post: ListedPost): boolean }
  | { platform: string; kind: "lookup"; lookup(ctx: SyncContext): Promise<ListedPost | { problem: string }> }

/** undefined: not this platform's URL; `problem`: this platform's, but not a post we can resolve. */
export type ParsedPostUrl = PostUrlClaim | { platform: string; problem: string } | undefined

export function hostIs(url: URL, ...domains: string[]): boolean {
  const host = url.hostname.toLowerCase()
  return domains.some((d) => host === d || host.endsWith(`.${d}`))
}

/** A path segment compared without its trailing slash. */
export const pathOf = (url: URL) => url.pathname.replace(/\/+$/, "")
