import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"

const TOKEN = "EAAG-secret-meta-token-1234567890"
const REFRESH = "refresh-secret-abcdef"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let admin: AdminHeaders

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
    })

    const createPlatform = (body: Record<string, unknown> = {}) =>
      api.post(
        "/admin/social-platforms",
        {
          name: "Shop Page",
          provider: "facebook",
          account_id: "1234567890",
          api_config: { access_token: TOKEN, refresh_token: REFRESH, token_expires_at: "2027-01-01T00:00:00Z" },
          ...body,
        },
        admin
      )

    describe("CRUD", () => {
      it("creates, reads, lists, updates and deletes a platform", async () => {
        const created = await createPlatform()
        expect(created.status).toBe(201)
        const platform = created.data.social_platform
        expect(platform).toMatchObject({
          id: expect.stringMatching(/^socplat_/),
          name: "Shop Page",
          provider: "facebook",
          account_id: "1234567890",
          status: "active",
          api_config: {
            has_access_token: true,
            has_refresh_token: true,
            token_expires_at: "2027-01-01T00:00:00Z",
            auth_type: null,
          },
        })

        const one = await api.get(`/admin/social-platforms/${platform.id}`, admin)
        expect(one.data.social_platform.id).toBe(platform.id)

        const list = await api.get("/admin/social-platforms?provider=facebook", admin)
        expect(list.data).toMatchObject({ count: 1, offset: 0, limit: 50 })
        expect(list.data.social_platforms[0].id).toBe(platform.id)

        const updated = await api.post(`/admin/social-platforms/${platform.id}`, { name: "Renamed", status: "disabled" }, admin)
        expect(updated.data.social_platform).toMatchObject({ name: "Renamed", status: "disabled" })
        // Editing other fields keeps the stored tokens.
        expect(updated.data.social_platform.api_config.has_access_token).toBe(true)

        const deleted = await api.delete(`/admin/social-platforms/${platform.id}`, admin)
        expect(deleted.data).toEqual({ id: platform.id, object: "social_platform", deleted: true })
        const gone = await expectHttpError(api.get(`/admin/social-platforms/${platform.id}`, admin))
        expect(gone.status).toBe(404)
      })

      it("can clear a token with null", async () => {
        const { data } = await createPlatform()
        const updated = await api.post(
          `/admin/social-platforms/${data.social_platform.id}`,
          { api_config: { refresh_token: null } },
          admin
        )
        expect(updated.data.social_platform.api_config).toMatchObject({ has_access_token: true, has_refresh_token: false })
      })
    })

    describe("secrets", () => {
      it("stores tokens encrypted and never returns them", async () => {
        const created = await createPlatform()
        const id = created.data.social_platform.id
        const responses = [
          created.data,
          (await api.get(`/admin/social-platforms/${id}`, admin)).data,
          (await api.get("/admin/social-platforms", admin)).data,
          (await api.post(`/admin/social-platforms/${id}`, { name: "x" }, admin)).data,
        ]
        for (const body of responses) {
          const text = JSON.stringify(body)
          expect(text).not.toContain(TOKEN)
          expect(text).not.toContain(REFRESH)
          expect(text).not.toContain("access_token_encrypted")
        }

        const [row] = await dbConnection.raw(`select api_config::text as raw from social_platform where id = ?`, [id]).then(
          (r: { rows: { raw: string }[] }) => r.rows
        )
        expect(row.raw).not.toContain(TOKEN)
        expect(row.raw).not.toContain(REFRESH)
        expect(JSON.parse(row.raw).access_token_encrypted).toMatch(/^v2:/)
      })
    })

    describe("auth", () => {
      it("answers 401 without an admin token", async () => {
        for (const request of [
          () => api.get("/admin/social-platforms"),
          () => api.post("/admin/social-platforms", { name: "x", provider: "facebook" }),
          () => api.get("/admin/social-platforms/socplat_123"),
          () => api.delete("/admin/social-platforms/socplat_123"),
        ]) {
          expect((await expectHttpError(request())).status).toBe(401)
        }
      })
    })

    describe("validation", () => {
      const cases: [string, Record<string, unknown>, RegExp][] = [
        ["unknown provider", { provider: "myspace" }, /provider/],
        ["missing name", { name: undefined }, /name/],
        ["bad status", { status: "sleeping" }, /status/],
        ["unknown key", { colour: "red" }, /colour/],
        ["unknown api_config key", { api_config: { password: "x" } }, /password/],
        ["bad token_expires_at", { api_config: { token_expires_at: "tomorrow" } }, /token_expires_at/],
        ["wrong type", { name: 42 }, /name/],
      ]
      it.each(cases)("rejects %s with a 400 naming the field", async (_label, body, field) => {
        const response = await expectHttpError(createPlatform(body))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(field)
        const list = await api.get("/admin/social-platforms", admin)
        expect(list.data.count).toBe(0)
      })

      it("rejects unknown query keys and bad limits", async () => {
        expect((await expectHttpError(api.get("/admin/social-platforms?foo=1", admin))).data.message).toMatch(/foo/)
        expect((await expectHttpError(api.get("/admin/social-platforms?limit=-1", admin))).status).toBe(400)
        expect((await expectHttpError(api.get("/admin/social-platforms?limit=abc", admin))).status).toBe(400)
      })

      it("answers 404 for unknown ids", async () => {
        for (const request of [
          () => api.get("/admin/social-platforms/socplat_missing", admin),
          () => api.post("/admin/social-platforms/socplat_missing", { name: "x" }, admin),
          () => api.delete("/admin/social-platforms/socplat_missing", admin),
        ]) {
          expect((await expectHttpError(request())).status).toBe(404)
        }
      })
    })
  },
})
