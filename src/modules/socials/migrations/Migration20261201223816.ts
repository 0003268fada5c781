import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201223816 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "social_account_snapshot" drop constraint if exists "social_account_snapshot_platform_id_day_unique";`);
    this.addSql(`create table if not exists "social_account_snapshot" ("id" text not null, "platform_id" text not null, "day" text not null, "captured_at" timestamptz not null, "followers" integer null, "views" integer null, "reach" integer null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_account_snapshot_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_account_snapshot_deleted_at" ON "social_account_snapshot" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_account_snapshot_platform_id_day_unique" ON "social_account_snapshot" ("platform_id", "day") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "social_account_snapshot" cascade;`);
  }

}
