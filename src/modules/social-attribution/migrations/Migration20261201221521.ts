import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201221521 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "social_attribution" drop constraint if exists "social_attribution_order_id_unique";`);
    this.addSql(`create table if not exists "social_attribution" ("id" text not null, "order_id" text not null, "social_post_id" text not null, "source" text check ("source" in ('link', 'promotion')) not null, "platform" text null, "promotion_code" text null, "currency_code" text not null, "placed_at" timestamptz not null, "clicked_at" timestamptz null, "original_total" numeric not null, "net_total" numeric not null, "reduced_total" numeric not null, "linked_subtotal" numeric not null, "units" integer not null, "canceled_at" timestamptz null, "raw_original_total" jsonb not null, "raw_net_total" jsonb not null, "raw_reduced_total" jsonb not null, "raw_linked_subtotal" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "social_attribution_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_attribution_deleted_at" ON "social_attribution" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_social_attribution_order_id_unique" ON "social_attribution" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_attribution_social_post_id_placed_at" ON "social_attribution" ("social_post_id", "placed_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_social_attribution_currency_code_social_post_id" ON "social_attribution" ("currency_code", "social_post_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "social_attribution" cascade;`);
  }

}
