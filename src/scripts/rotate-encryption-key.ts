import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { SOCIALS_MODULE } from "../modules/socials"
import type SocialsModuleService from "../modules/socials/service"
import type { StoredApiConfig } from "../modules/socials/utils/api-config"
import { rotateApiConfigKey } from "../modules/socials/utils/key-rotation"
import { ENCRYPTION_KEY_ENV, parseEncryptionKey } from "../modules/socials/utils/token-crypto"

export const OLD_ENCRYPTION_KEY_ENV = "SOCIALS_ENCRYPTION_KEY_OLD"
const PAGE_SIZE = 100

/**
 * Re-encrypts every stored platform token (soft-deleted platforms included) from
 * the previous key to the new one, in the v2 format (bound to its platform and field):
 *
 *   SOCIALS_ENCRYPTION_KEY_OLD=<previous key> SOCIALS_ENCRYPTION_KEY=<new key> \
 *     npx medusa exec ./src/scripts/rotate-encryption-key.ts [dry-run]
 *
 * Without SOCIALS_ENCRYPTION_KEY_OLD it keeps the key and only upgrades tokens
 * written by earlier releases (v1, not bound to their row), which the server refuses.
 *
 * Idempotent: values the new key already opens are left alone, so an interrupted
 * run is simply started again. Values neither key opens are left untouched and
 * reported by platform id; the command then exits non-zero. Tokens are never logged.
 */
export default async function rotateEncryptionKey({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const newKey = parseEncryptionKey(process.env[ENCRYPTION_KEY_ENV], ENCRYPTION_KEY_ENV)
  const upgradeOnly = !process.env[OLD_ENCRYPTION_KEY_ENV]
  const oldKey = upgradeOnly ? newKey : parseEncryptionKey(process.env[OLD_ENCRYPTION_KEY_ENV], OLD_ENCRYPTION_KEY_ENV)
  if (!upgradeOnly && oldKey.equals(newKey)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${OLD_ENCRYPTION_KEY_ENV} and ${ENCRYPTION_KEY_ENV} are the same key: set ${ENCRYPTION_KEY_ENV} to the new key`
    )
  }
  // `medusa exec` passes extra words as args (its parser refuses unknown --options).
  const dryRun = (args ?? []).some((a) => a === "dry-run" || a === "--dry-run")
  const socials = container.resolve<SocialsModuleService>(SOCIALS_MODULE)
  // The module's update skips soft-deleted rows, whose tokens must move too (a platform can be restored).
  const db = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const totals = { platforms: 0, updated: 0, rotated: 0, current: 0 }
  const unreadable: string[] = []

  for (let offset = 0; ; offset += PAGE_SIZE) {
    const platforms = await socials.listSocialPlatforms(
      {},
      { select: ["id", "api_config", "deleted_at"], take: PAGE_SIZE, skip: offset, order: { id: "ASC" }, withDeleted: true }
    )
    for (const platform of platforms) {
      totals.platforms++
      const outcome = rotateApiConfigKey(platform.api_config as StoredApiConfig | null, oldKey, newKey, platform.id)
      totals.rotated += outcome.rotated
      totals.current += outcome.current
      if (outcome.unreadable.length) {
        unreadable.push(`${platform.id} (${outcome.unreadable.join(", ")})`)
      }
      if (outcome.rotated) {
        totals.updated++
        if (!dryRun) {
          await db("social_platform").where({ id: platform.id }).update({ api_config: outcome.apiConfig, updated_at: new Date() })
        }
      }
    }
    if (platforms.length < PAGE_SIZE) {
      break
    }
  }

  logger.info(
    `socials: ${dryRun ? "[dry run] would re-encrypt" : "re-encrypted"} ${totals.rotated} token(s) on ` +
      `${totals.updated} platform(s); ${totals.current} already use the new key; ${totals.platforms} platform(s) checked`
  )
  if (unreadable.length) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `${unreadable.length} platform(s) hold tokens that ${upgradeOnly ? ENCRYPTION_KEY_ENV : `neither ${OLD_ENCRYPTION_KEY_ENV} nor ${ENCRYPTION_KEY_ENV}`} opens ` +
        `for their row (left unchanged; reconnect them or run again with the right old key): ${unreadable.join("; ")}`
    )
  }
}
