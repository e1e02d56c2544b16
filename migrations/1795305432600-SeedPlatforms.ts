import { MigrationInterface, QueryRunner } from 'typeorm';

// The platforms every deployment starts with (DOMAIN.md); SLAs default to 72 h for every request type.
const PLATFORMS = [
  ['Telegram', 'telegram', 'Telegram FZ-LLC', false],
  ['X', 'x', 'X Corp.', false],
  ['Facebook', 'facebook', 'Meta', true],
  ['Instagram', 'instagram', 'Meta', true],
  ['YouTube', 'youtube', 'Google', true],
  ['TikTok', 'tiktok', 'ByteDance', true],
] as const;

export class SeedPlatforms1795305432600 implements MigrationInterface {
  name = 'SeedPlatforms1795305432600';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, slug, parent, local] of PLATFORMS) {
      await queryRunner.query(
        `INSERT INTO "platforms" ("name", "slug", "parent_company", "has_local_representative", "version")
         VALUES ($1, $2, $3, $4, 1) ON CONFLICT ("slug") DO NOTHING`,
        [name, slug, parent, local],
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "platforms" p WHERE p."slug" = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM "requests" r WHERE r."platform_id" = p."id")
         AND NOT EXISTS (SELECT 1 FROM "consultations" c WHERE c."platform_id" = p."id")`,
      [PLATFORMS.map((p) => p[1])],
    );
  }
}
