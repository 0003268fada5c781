import type { LinkedInPostFixture, SandboxReply } from "../types"
import { type LinkedInCall, batchGet, getOne } from "./call"
import { totalComments } from "./social-actions"

/** §5.4: reaction types with a zero count are absent from the map. */
function socialMetadata(post: LinkedInPostFixture): Record<string, unknown> {
  const reactionSummaries: Record<string, { reactionType: string; count: number }> = {}
  for (const [type, count] of Object.entries(post.reactions)) {
    if (count) reactionSummaries[type] = { reactionType: type, count }
  }
  return {
    reactionSummaries,
    commentsState: "OPEN",
    commentSummary: { count: totalComments(post), topLevelCount: post.comments.length },
    entity: post.urn,
  }
}

export function getSocialMetadata(call: LinkedInCall, urn: string): SandboxReply {
  return getOne(call, urn, socialMetadata)
}

export function batchGetSocialMetadata(call: LinkedInCall, urns: string[]): SandboxReply {
  return batchGet(call, urns, socialMetadata)
}
