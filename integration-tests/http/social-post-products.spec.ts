import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { AdminHeaders, expectHttpError, loginAsNewAdmin } from "../helpers/admin"

const TOKEN = "EAAG-secret-token-for-product-links"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminHeaders
    let postId: string
    let productIds: string[]

    beforeEach(async () => {
      admin = await loginAsNewAdmin(getContainer(), api)
      const { data } = await api.post(
        "/admin/social-platforms",
        { name: "Shop Page", provider: "facebook", account_id: "104000000000001", api_config: { access_token: TOKEN } },
        admin
      )
      const post = await api.post(
        "/admin/social-posts",
        { platform_id: data.social_platform.id, name: "Autumn drop", status: "posted", insights: { facebook_post_id: "104000000000001_1" } },
        admin
      )
      postId = post.data.social_post.id
      const products = await getContainer()
        .resolve(Modules.PRODUCT)
        .createProducts([
          { title: "Autumn Blend", options: [{ title: "Size", values: ["250 g"] }] },
          { title: "Pour-over Kit", options: [{ title: "Size", values: ["One"] }] },
        ])
      productIds = products.map((p) => p.id)
    })

    it("links and unlinks products, idempotently, and lists a product's posts without tokens", async () => {
      const [blend, kit] = productIds
      const added = await api.post(`/admin/social-posts/${postId}/products`, { add: [blend, kit, blend] }, admin)
      expect(added.data.products.map((p: { title: string }) => p.title).sort()).toEqual(["Autumn Blend", "Pour-over Kit"])

      // Linking again is a no-op, not a duplicate-key error.
      const again = await api.post(`/admin/social-posts/${postId}/products`, { add: [blend] }, admin)
      expect(again.data.products).toHaveLength(2)

      const forProduct = await api.get(`/admin/products/${blend}/social-posts`, admin)
      expect(forProduct.data.social_posts).toHaveLength(1)
      expect(forProduct.data.social_posts[0]).toMatchObject({
        id: postId,
        name: "Autumn drop",
        platform: { provider: "facebook", api_config: { has_access_token: true } },
      })
      expect(JSON.stringify(forProduct.data)).not.toContain(TOKEN)
      expect(JSON.stringify(forProduct.data)).not.toContain("access_token_encrypted")

      const removed = await api.post(`/admin/social-posts/${postId}/products`, { remove: [blend, "prod_not_linked"] }, admin)
      expect(removed.data.products.map((p: { id: string }) => p.id)).toEqual([kit])
      expect((await api.get(`/admin/products/${blend}/social-posts`, admin)).data.social_posts).toEqual([])
      expect((await api.get(`/admin/social-posts/${postId}/products`, admin)).data.products).toHaveLength(1)
    })

    it("rejects unknown products, contradictory bodies and unknown ids", async () => {
      const unknownProduct = await expectHttpError(api.post(`/admin/social-posts/${postId}/products`, { add: ["prod_missing"] }, admin))
      expect(unknownProduct.status).toBe(400)
      expect(unknownProduct.data.message).toMatch(/prod_missing/)

      const both = await expectHttpError(
        api.post(`/admin/social-posts/${postId}/products`, { add: [productIds[0]], remove: [productIds[0]] }, admin)
      )
      expect(both.status).toBe(400)

      const badBody = await expectHttpError(api.post(`/admin/social-posts/${postId}/products`, { add: "x", extra: 1 }, admin))
      expect(badBody.status).toBe(400)

      expect((await expectHttpError(api.post(`/admin/social-posts/socpost_missing/products`, { add: [productIds[0]] }, admin))).status).toBe(404)
      expect((await expectHttpError(api.get(`/admin/social-posts/socpost_missing/products`, admin))).status).toBe(404)
      expect((await expectHttpError(api.get(`/admin/products/prod_missing/social-posts`, admin))).status).toBe(404)
      expect((await expectHttpError(api.get(`/admin/products/${productIds[0]}/social-posts`))).status).toBe(401)

      expect((await api.get(`/admin/social-posts/${postId}/products`, admin)).data.products).toEqual([])
    })

    it("drops a deleted post from the product's list", async () => {
      await api.post(`/admin/social-posts/${postId}/products`, { add: [productIds[0]] }, admin)
      await api.delete(`/admin/social-posts/${postId}`, admin)
      expect((await api.get(`/admin/products/${productIds[0]}/social-posts`, admin)).data.social_posts).toEqual([])
    })
  },
})
