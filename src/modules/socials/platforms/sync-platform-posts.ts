import type { SocialPlatform } from "../insights/schema"
import { syncFacebookPosts } from "./facebook/sync"
import { syncInstagramPosts } from "./instagram/sync"
import { syncLinkedInPosts } from "./linkedin/sync"
import type { PostSyncResult, SyncContext, SyncTarget } from "./types"
import { syncTwitterPosts } from "./x/sync"

const SYNCERS: Record<SocialPlatform, (ctx: SyncContext, targets: SyncTarget[]) => Promise<PostSyncResult[]>> = {
  instagram: syncInstagramPosts,
  facebook: syncFacebookPosts,
  twitter: syncTwitterPosts,
  linkedin: syncLinkedInPosts,
}

/** Dispatcher for callers that hold a platform name: same contract as the four entry points. */
export function syncPlatformPosts(platform: SocialPlatform, ctx: SyncContext, targets: SyncTarget[]): Promise<PostSyncResult[]> {
  return SYNCERS[platform](ctx, targets)
}
