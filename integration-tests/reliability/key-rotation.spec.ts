import { createCipheriv, randomBytes } from "crypto"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { decryptSecret, encryptSecret, parseEncryptionKey } from "../../src/modules/socials/utils/token-crypto"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { createPlatform, createPost, quietScheduler, send } from "./support/api"
import { withPg } from "./support/db"
import { runMedusaExec } from "../helpers/medusa-exec"

/**
 * `SOCIALS_ENCRYPTION_KEY_OLD=… SOCIALS_ENCRYPTION_KEY=… npx medusa exec ./src/scripts/rotate-encryption-key.ts`
 * run for real against the test database: every token (soft-deleted platforms
 * included) moves to the new key, a second run changes nothing, a token neither
 * key opens is reported and left alone, and a server still on the old key fails
 * those posts with a clear message instead of failing the whole sync.
 */

/** Separate Medusa processes boot in ~5 s each here, several times that on a loaded machine. */
const EXEC_TEST_TIMEOUT_MS = 240_000
const SCRIPT = "./src/scripts/rotate-encryption-key.ts"
const sandbox = useSandbox()
quietScheduler()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })

    it("re-encrypts every stored token with the new key, idempotently, and reports what it cannot open", async () => {
      // The running server seals with the test process's key: that is the "old" key here.
      const oldKeyText = process.env.SOCIALS_ENCRYPTION_KEY!
      const oldKey = parseEncryptionKey(oldKeyText)
      const newKeyText = randomBytes(32).toString("hex")
      const newKey = parseEncryptionKey(newKeyText)
      const strangerKey = randomBytes(32)

      const page = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" })
      const x = await createPlatform(api, admin, "twitter", "1500000000000000001", {
        access_token: "x-demo-token",
        refresh_token: "x-demo-refresh",
        auth_type: "user_context",
      })
      const removed = await createPlatform(api, admin, "linkedin", "urn:li:organization:90000001", { access_token: "linkedin-demo-token" })
      const noToken = await createPlatform(api, admin, "instagram", "17841400000000001", {})
      const alreadyNew = await createPlatform(api, admin, "linkedin", "urn:li:organization:90000002", { access_token: "placeholder" })
      const foreign = await createPlatform(api, admin, "facebook", "104000000000002", { access_token: "placeholder" })
      expect((await send(api, "DELETE", `/admin/social-platforms/${removed}`, { headers: admin.headers })).status).toBe(200)

      const readConfigs = () =>
        withPg(dbConfig.clientUrl, async (pg) => {
          const { rows } = await pg.query("select id, api_config from social_platform")
          return Object.fromEntries(rows.map((r: { id: string; api_config: Record<string, string | null> | null }) => [r.id, r.api_config]))
        })
      // One row already moved (as after an interrupted run), one sealed with a key nobody has.
      await withPg(dbConfig.clientUrl, async (pg) => {
        await pg.query(`update social_platform set api_config = jsonb_set(api_config, '{access_token_encrypted}', to_jsonb($2::text)) where id = $1`, [
          alreadyNew,
          encryptSecret("linkedin-second-token", newKey, { platformId: alreadyNew, field: "access_token_encrypted" }),
        ])
        await pg.query(`update social_platform set api_config = jsonb_set(api_config, '{access_token_encrypted}', to_jsonb($2::text)) where id = $1`, [
          foreign,
          encryptSecret("meta-second-token", strangerKey, { platformId: foreign, field: "access_token_encrypted" }),
        ])
      })
      const before = await readConfigs()

      const env = { SOCIALS_ENCRYPTION_KEY_OLD: oldKeyText, SOCIALS_ENCRYPTION_KEY: newKeyText }
      const dry = await runMedusaExec(SCRIPT, { databaseUrl: dbConfig.clientUrl, env, args: ["dry-run"] })
      expect(dry.output).toContain("[dry run] would re-encrypt 4 token(s) on 3 platform(s)")
      expect(await readConfigs()).toEqual(before)

      const first = await runMedusaExec(SCRIPT, { databaseUrl: dbConfig.clientUrl, env })
      // The unreadable row makes it exit non-zero, but everything else is done.
      expect(first.code, first.output).toBe(1)
      expect(first.output).toContain("re-encrypted 4 token(s) on 3 platform(s); 1 already use the new key; 6 platform(s) checked")
      expect(first.output).toContain(`${foreign} (access_token_encrypted)`)

      const after = await readConfigs()
      const open = (id: string, field: "access_token_encrypted" | "refresh_token_encrypted", key: Buffer) =>
        decryptSecret(after[id]![field]!, key, { platformId: id, field })
      expect(open(page, "access_token_encrypted", newKey)).toBe("meta-demo-token")
      expect(open(x, "access_token_encrypted", newKey)).toBe("x-demo-token")
      expect(open(x, "refresh_token_encrypted", newKey)).toBe("x-demo-refresh")
      expect(open(removed, "access_token_encrypted", newKey)).toBe("linkedin-demo-token")
      expect(() => open(page, "access_token_encrypted", oldKey)).toThrow()
      expect(after[x]).toMatchObject({ auth_type: "user_context" })
      expect(after[noToken]).toEqual(before[noToken])
      expect(after[alreadyNew]).toEqual(before[alreadyNew])
      expect(after[foreign]).toEqual(before[foreign])
      for (const text of [first.output, JSON.stringify(after)]) {
        expect(text).not.toMatch(/meta-demo-token|x-demo-token|x-demo-refresh|linkedin-demo-token|linkedin-second-token/)
        expect(text).not.toContain(newKeyText)
        expect(text).not.toContain(oldKeyText)
      }

      // Idempotent: with the stranger gone, a second run changes nothing and exits 0.
      await withPg(dbConfig.clientUrl, (pg) => pg.query("delete from social_platform where id = $1", [foreign]))
      const second = await runMedusaExec(SCRIPT, { databaseUrl: dbConfig.clientUrl, env })
      expect(second.code, second.output).toBe(0)
      expect(second.output).toContain("re-encrypted 0 token(s) on 0 platform(s); 5 already use the new key; 5 platform(s) checked")
      const { [foreign]: _gone, ...afterWithoutForeign } = after
      expect(await readConfigs()).toEqual(afterWithoutForeign)

      // Same key twice is refused before anything is touched.
      const same = await runMedusaExec(SCRIPT, { databaseUrl: dbConfig.clientUrl, env: { ...env, SOCIALS_ENCRYPTION_KEY_OLD: newKeyText } })
      expect(same.code).toBe(1)
      expect(same.output).toContain("are the same key")

      // This server still runs with the old key: it cannot open the rotated tokens. Those posts
      // fail with a message saying what to do; an account connected after the switch still syncs.
      const stale = await createPost(api, admin, page, { facebook_post_id: META_SEED_IDS.facebook.text })
      const fresh = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" }, "reconnected")
      const freshPost = await createPost(api, admin, fresh, { facebook_post_id: META_SEED_IDS.facebook.photoNoShares })
      const single = await send(api, "POST", `/admin/social-posts/${stale}/sync-insights?force=true`, { headers: admin.headers })
      expect(single.status, JSON.stringify(single.data)).toBe(422)
      expect(single.data.message).toMatch(/SOCIALS_ENCRYPTION_KEY/)
      const bulk = await send(api, "POST", "/admin/social-posts/sync-all-insights", { data: { force: true }, headers: admin.headers })
      expect(bulk.status, JSON.stringify(bulk.data)).toBe(200)
      const results = bulk.data.results as { postId: string; status: string; code?: string }[]
      expect(results.find((r) => r.postId === freshPost)).toMatchObject({ status: "success" })
      expect(results.find((r) => r.postId === stale)).toMatchObject({ status: "failed", code: "token_unreadable" })
    }, EXEC_TEST_TIMEOUT_MS)

    it("binds each token to its row: a swapped ciphertext or an unbound v1 value is refused until the command upgrades it", async () => {
      const keyText = process.env.SOCIALS_ENCRYPTION_KEY!
      const key = parseEncryptionKey(keyText)
      const donor = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" }, "donor")
      const victim = await createPlatform(api, admin, "facebook", "104000000000002", { access_token: "meta-second-token" }, "victim")
      const legacy = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "placeholder" }, "legacy")
      const donorPost = await createPost(api, admin, donor, { facebook_post_id: META_SEED_IDS.facebook.text })
      const victimPost = await createPost(api, admin, victim, { facebook_post_id: META_SEED_IDS.facebook.secondPagePost })
      const legacyPost = await createPost(api, admin, legacy, { facebook_post_id: META_SEED_IDS.facebook.photoNoShares })
      const sync = (id: string) => send(api, "POST", `/admin/social-posts/${id}/sync-insights?force=true`, { headers: admin.headers })

      await withPg(dbConfig.clientUrl, async (pg) => {
        // Someone with write access to the table copies one Page's token into another row...
        await pg.query(
          `update social_platform set api_config = jsonb_set(api_config, '{access_token_encrypted}', (select api_config->'access_token_encrypted' from social_platform where id = $2)) where id = $1`,
          [victim, donor]
        )
        // ...and a row still holds what the previous release wrote (v1: GCM without binding).
        await pg.query(`update social_platform set api_config = jsonb_set(api_config, '{access_token_encrypted}', to_jsonb($2::text)) where id = $1`, [
          legacy,
          sealV1("meta-demo-token", key),
        ])
      })

      expect((await sync(donorPost)).status).toBe(200)
      const swapped = await sync(victimPost)
      expect(swapped.status, JSON.stringify(swapped.data)).toBe(422)
      expect(swapped.data).toMatchObject({ code: "token_unreadable" })
      const old = await sync(legacyPost)
      expect(old.status, JSON.stringify(old.data)).toBe(422)
      expect(old.data.message).toMatch(/v1 format.*re-encryption command/)

      // Without SOCIALS_ENCRYPTION_KEY_OLD the command keeps the key and upgrades v1 values in place.
      const upgrade = await runMedusaExec(SCRIPT, { databaseUrl: dbConfig.clientUrl, env: { SOCIALS_ENCRYPTION_KEY: keyText, SOCIALS_ENCRYPTION_KEY_OLD: "" } })
      // The swapped value opens in no row but its own: reported, left alone, non-zero exit.
      expect(upgrade.code, upgrade.output).toBe(1)
      expect(upgrade.output).toContain("re-encrypted 1 token(s) on 1 platform(s); 1 already use the new key; 3 platform(s) checked")
      expect(upgrade.output).toContain(`${victim} (access_token_encrypted)`)
      const stored = await withPg(dbConfig.clientUrl, async (pg) => (await pg.query("select api_config from social_platform where id = $1", [legacy])).rows[0].api_config)
      expect(stored.access_token_encrypted).toMatch(/^v2:/)
      expect(decryptSecret(stored.access_token_encrypted, key, { platformId: legacy, field: "access_token_encrypted" })).toBe("meta-demo-token")
      const upgraded = await sync(legacyPost)
      expect(upgraded.status, JSON.stringify(upgraded.data)).toBe(200)
    }, EXEC_TEST_TIMEOUT_MS)
  },
})

/** What the previous release stored: "v1:" + AES-256-GCM without additional data. */
function sealV1(plain: string, key: Buffer): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv("aes-256-gcm", key, iv)
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()])
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(":")
}
