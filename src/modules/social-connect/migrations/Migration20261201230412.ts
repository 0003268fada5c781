import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201230412 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "social_oauth_state" drop constraint if exists "social_oauth_state_state_unique";`);
    this.addSql(`create table if not exists "social_oauth_state" ("id" text not null, "state" text not null, "provider" text not null, "user_id" text not null, "code_verifier" text null, "redirect_uri" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_oauth_state_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_oauth_state_state_unique" ON "social_oauth_state" ("state") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_oauth_state_deleted_at" ON "social_oauth_state" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "social_pending_connection" ("id" text not null, "provider" text not null, "user_id" text not null, "accounts" jsonb not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_pending_connection_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_pending_connection_deleted_at" ON "social_pending_connection" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "social_oauth_state" cascade;`);

    this.addSql(`drop table if exists "social_pending_connection" cascade;`);
  }

}
