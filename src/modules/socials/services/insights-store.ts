import type { PlatformSecrets, StoredApiConfig } from "../utils/api-config"
import type { PlatformRecord, PostRecord, PostUpdateRow, SnapshotRow } from "./sync-persistence"

export type PlatformSyncStatus = {
  platformId: string
  /** The platform refused the account's token. */
  needsReconnect: boolean
  /** The sealed access token the sync last knew to be stored. */
  sealedToken: string | null
  /** At least one post got numbers from the platform. */
  synced?: boolean
}

/** Only what the sync-order query reads of a post. */
export type SyncOrderRow = { id: string; platform_id: string; insights_synced_at: Date | string | null }

/**
 * What the insights sync needs of storage, and nothing more: the module service
 * implements it (its CRUD, its key, its transactions), so the sync code never
 * imports the service.
 */
export interface InsightsStore {
  /** Posts with their platform, by id (missing ids are simply absent). */
  listPosts(ids: string[]): Promise<PostRecord[]>
  /** Ids in sync order for a filter built by select-posts.ts. */
  listPostsInSyncOrder(filter: Record<string, unknown>, take: number): Promise<SyncOrderRow[]>
  /** New due times for posts a sync skipped. */
  reschedulePosts(rows: { id: string; next_sync_at: Date | null }[]): Promise<void>
  /** The account's stored api_config as it is now; undefined when the platform row is gone. */
  readApiConfig(platformId: string): Promise<StoredApiConfig | null | undefined>
  /** Decrypts a stored api_config (throws when it was sealed with another key). */
  openSecrets(stored: StoredApiConfig | null | undefined, platformId: string): PlatformSecrets
  /** Seals and saves a refreshed pair (the account is usable again); returns what is stored now. */
  saveRefreshedToken(
    platform: Pick<PlatformRecord, "id">,
    token: { access_token: string; refresh_token?: string; token_expires_at: string | null },
    stored: StoredApiConfig | null
  ): Promise<StoredApiConfig>
  /** One batch's posts, snapshots and account status, in one transaction. */
  persistBatch(posts: PostUpdateRow[], snapshots: SnapshotRow[], platform: PlatformSyncStatus): Promise<void>
}
