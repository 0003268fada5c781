import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * X read counters per account and UTC month (see x-spend/). Written by hand: the
 * table has no model (it is only ever touched by single atomic statements in
 * repository/x-reads-sql.ts), so `db:generate` neither creates nor drops it.
 */
export class Migration20261201231000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "social_x_read_count" ("platform_id" text not null, "month" text not null, "reads" integer not null default 0, "updated_at" timestamptz not null default now(), constraint "social_x_read_count_pkey" primary key ("platform_id", "month"));`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "social_x_read_count" cascade;`)
  }
}
