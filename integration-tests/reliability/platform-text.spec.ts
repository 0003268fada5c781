import { readdirSync, readFileSync, statSync } from "fs"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { META_SEED_IDS } from "../../sandbox/meta/seed"
import { X_SEED_IDS } from "../../sandbox/x/seed"
import { LINKEDIN_SEED_IDS } from "../../sandbox/linkedin/seed"
import { AdminHeaders, loginAsNewAdmin } from "../helpers/admin"
import { useSandbox } from "../helpers/sandbox"
import { createPlatform, createPost, quietScheduler, send } from "./support/api"
import { watchUnhandledRejections } from "./support/process-watch"

/**
 * Text that comes from a platform (comment text, commenter names, permalinks) is
 * data, never markup: the API hands it back verbatim as JSON, and the admin UI
 * never renders HTML from it (checked statically here; the browser-side check
 * belongs to the admin UI's own tests, see docs/reliability.md).
 */

const IMG = `<img src=x onerror="fetch('/admin/users').then(r=>r.text()).then(alert)">`
const SCRIPT_NAME = "</script><script>alert('name')</script>"
const sandbox = useSandbox()
quietScheduler()
const unhandled = watchUnhandledRejections()

type StoredComment = { id: string; text: string; from?: { id: string; name: string } }

function adminSourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? adminSourceFiles(full) : /\.(tsx?|jsx?)$/.test(name) ? [full] : []
  })
}

describe("admin UI source", () => {
  it("never turns strings into HTML", () => {
    const files = adminSourceFiles(path.join(process.cwd(), "src", "admin"))
    expect(files.length).toBeGreaterThan(0)
    const offenders = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(process.cwd(), file)}:${i + 1}` }))
        .filter(({ line }) => /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`)
    )
    expect(offenders).toEqual([])
  })
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      sandbox().reset({ fixtures: true })
    })

    afterEach(() => {
      expect(unhandled()).toEqual([])
    })

    const now = new Date(Date.now() - 60_000).toISOString()

    it("returns hostile comment text and names verbatim, as JSON, on every platform", async () => {
      const fixtures = sandbox().fixtures
      fixtures.facebook
        .find((p) => p.id === META_SEED_IDS.facebook.text)!
        .comments.unshift({ id: "17800000000099001", text: IMG, from: { id: "1", name: SCRIPT_NAME }, created_time: now, like_count: 0 })
      fixtures.instagram
        .find((p) => p.id === META_SEED_IDS.instagram.image)!
        .comments.unshift({ id: "17800000000099002", text: IMG, from: { id: "2", name: SCRIPT_NAME }, created_time: now, like_count: 0 })
      const tweet = fixtures.tweets.find((t) => t.id === X_SEED_IDS.example)!
      tweet.replies.unshift({ id: "1850000000000099003", text: IMG, author_id: "1500000000000000009", author_name: SCRIPT_NAME, created_at: now, like_count: 0, reply_count: 0 })
      tweet.public_metrics.reply_count += 1
      const share = fixtures.linkedin.find((p) => p.urn === LINKEDIN_SEED_IDS.example)!
      share.comments.unshift({ id: "7300000000000099004", actor: "urn:li:person:hostile", actor_name: SCRIPT_NAME, text: IMG, created_at: Date.now() - 60_000, like_count: 0, reply_count: 0 })
      if (share.share_statistics) {
        share.share_statistics.commentCount += 1
      }

      const meta = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" })
      const x = await createPlatform(api, admin, "twitter", "1500000000000000001", { access_token: "x-demo-token", auth_type: "user_context" })
      const linkedin = await createPlatform(api, admin, "linkedin", "urn:li:organization:90000001", { access_token: "linkedin-demo-token" })
      const posts = [
        await createPost(api, admin, meta, { facebook_post_id: META_SEED_IDS.facebook.text }),
        await createPost(api, admin, meta, { instagram_media_id: META_SEED_IDS.instagram.image }, { media_type: "IMAGE" }),
        await createPost(api, admin, x, { twitter_tweet_id: X_SEED_IDS.example }),
        await createPost(api, admin, linkedin, { linkedin_post_urn: LINKEDIN_SEED_IDS.example }),
      ]

      for (const [index, id] of posts.entries()) {
        const synced = await send(api, "POST", `/admin/social-posts/${id}/sync-insights?force=true`, { headers: admin.headers })
        expect(synced.status, JSON.stringify(synced.data).slice(0, 300)).toBe(200)

        const res = await api.get(`/admin/social-posts/${id}`, admin)
        expect(res.headers["content-type"]).toMatch(/^application\/json/)
        const comments = res.data.social_post.insights.comments_data as StoredComment[]
        const hostile = comments.find((c) => c.text.includes("onerror"))
        expect(hostile, `post ${id}: ${JSON.stringify(comments.slice(0, 2))}`).toBeDefined()
        // Byte for byte: not escaped into entities, not stripped, not wrapped.
        expect(hostile!.text).toBe(IMG)
        if (index === 0) {
          expect(hostile!.from?.name).toBe(SCRIPT_NAME)
        }
        // Names as the platform serves them (Instagram usernames only allow [a-z0-9._], the sandbox
        // too); whatever arrives is never entity-escaped or wrapped on our side.
        expect(hostile!.from?.name ?? "").not.toMatch(/&lt;|&gt;|&amp;|&quot;/)
      }
    })

    it("keeps a hostile permalink as data (the admin links only http(s) URLs)", async () => {
      const post = sandbox().fixtures.facebook.find((p) => p.id === META_SEED_IDS.facebook.text)!
      post.permalink_url = "javascript:alert(document.domain)"
      const meta = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" })
      const id = await createPost(api, admin, meta, { facebook_post_id: META_SEED_IDS.facebook.text })
      const synced = await send(api, "POST", `/admin/social-posts/${id}/sync-insights?force=true`, { headers: admin.headers })
      expect(synced.status).toBe(200)
      expect((synced.data.insights as { permalink?: string }).permalink ?? "").toBe("javascript:alert(document.domain)")
      const safeHref = readFileSync(path.join(process.cwd(), "src/admin/lib/safe-href.ts"), "utf8")
      expect(safeHref).toMatch(/https?:/)
    })

    it("survives text PostgreSQL cannot store (a NUL character in a comment)", async () => {
      const post = sandbox().fixtures.facebook.find((p) => p.id === META_SEED_IDS.facebook.text)!
      post.comments.unshift({ id: "17800000000099005", text: "nul\u0000inside", from: { id: "3", name: "nul\u0000name" }, created_time: now, like_count: 0 })
      const meta = await createPlatform(api, admin, "facebook", "104000000000001", { access_token: "meta-demo-token" })
      const id = await createPost(api, admin, meta, { facebook_post_id: META_SEED_IDS.facebook.text })
      const other = await createPost(api, admin, meta, { facebook_post_id: META_SEED_IDS.facebook.video })

      const bulk = await send(api, "POST", "/admin/social-posts/sync-all-insights", { data: { force: true }, headers: admin.headers })
      expect(bulk.status, JSON.stringify(bulk.data).slice(0, 300)).toBe(200)
      const results = bulk.data.results as { postId: string; status: string }[]
      expect(results.find((r) => r.postId === id)).toMatchObject({ status: "success" })
      expect(results.find((r) => r.postId === other)).toMatchObject({ status: "success" })
      const res = await api.get(`/admin/social-posts/${id}`, admin)
      const comment = (res.data.social_post.insights.comments_data as StoredComment[]).find((c) => c.id === "17800000000099005")
      expect(comment?.text).toBe("nul\uFFFDinside")
      expect(comment?.from?.name).toBe("nul\uFFFDname")
    })
  },
})
