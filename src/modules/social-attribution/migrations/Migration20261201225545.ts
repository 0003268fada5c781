import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201225545 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "social_attribution" drop constraint if exists "social_attribution_source_check";`);

    this.addSql(`alter table if exists "social_attribution" add constraint "social_attribution_source_check" check("source" in ('link', 'promotion', 'estimated'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "social_attribution" drop constraint if exists "social_attribution_source_check";`);

    this.addSql(`alter table if exists "social_attribution" add constraint "social_attribution_source_check" check("source" in ('link', 'promotion'));`);
  }

}
