import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201231418 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "social_platform" drop constraint if exists "social_platform_provider_check";`);

    this.addSql(`alter table if exists "social_platform" add constraint "social_platform_provider_check" check("provider" in ('instagram', 'facebook', 'twitter', 'linkedin', 'threads'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "social_platform" drop constraint if exists "social_platform_provider_check";`);

    this.addSql(`alter table if exists "social_platform" add constraint "social_platform_provider_check" check("provider" in ('instagram', 'facebook', 'twitter', 'linkedin'));`);
  }

}
