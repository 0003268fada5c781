import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261123211728 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "social_platform" ("id" text not null, "name" text not null, "provider" text check ("provider" in ('instagram', 'facebook', 'twitter', 'linkedin')) not null, "account_id" text null, "api_config" jsonb null, "status" text check ("status" in ('active', 'needs_reconnect', 'disabled')) not null default 'active', "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_platform_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_platform_deleted_at" ON "social_platform" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_post" ("id" text not null, "platform_id" text not null, "name" text null, "caption" text null, "status" text check ("status" in ('draft', 'scheduled', 'posted', 'failed', 'archived')) not null default 'draft', "post_url" text null, "posted_at" timestamptz null, "media_type" text check ("media_type" in ('IMAGE', 'VIDEO', 'CAROUSEL_ALBUM', 'REELS', 'STORY', 'TEXT')) null, "media_attachments" jsonb null, "insights" jsonb null, "metadata" jsonb null, "insights_synced_at" timestamptz null, "insights_sync_status" text check ("insights_sync_status" in ('success', 'partial', 'failed')) null, "next_sync_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_post_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_platform_id" ON "social_post" ("platform_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_deleted_at" ON "social_post" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_status_next_sync_at" ON "social_post" ("status", "next_sync_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_status_insights_synced_at" ON "social_post" ("status", "insights_synced_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_post_insights_snapshot" ("id" text not null, "post_id" text not null, "synced_at" timestamptz not null, "likes" integer null, "comments" integer null, "shares" integer null, "saves" integer null, "impressions" integer null, "reach" integer null, "engagement" integer null, "engagement_rate" real null, "video_views" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_post_insights_snapshot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_insights_snapshot_deleted_at" ON "social_post_insights_snapshot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_post_insights_snapshot_post_id_synced_at" ON "social_post_insights_snapshot" ("post_id", "synced_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "social_post" add constraint "social_post_platform_id_foreign" foreign key ("platform_id") references "social_platform" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "social_post" drop constraint if exists "social_post_platform_id_foreign";`);

    this.addSql(`drop table if exists "social_platform" cascade;`);

    this.addSql(`drop table if exists "social_post" cascade;`);

    this.addSql(`drop table if exists "social_post_insights_snapshot" cascade;`);
  }

}
