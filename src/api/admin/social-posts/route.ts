import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createSocialPostWorkflow } from "../../../workflows/create-social-post"
import { resolveSocials } from "../../../workflows/steps/resolve-socials"
import { toPublicPost } from "../../utils/serialize"
import { parseOrder } from "../../utils/parse-order"
import { pagePostIdsBySales, salesForPosts } from "../../utils/social-post-sales"
import { AdminCreateSocialPostType, AdminListSocialPostsQueryType } from "./validators"
import type { SocialPostListResponse, SocialPostResponse, Wire } from "../../../types/api"

export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListSocialPostsQueryType>,
  res: MedusaResponse<Wire<SocialPostListResponse>>
) => {
  const { limit, offset, order, platform_id, currency_code, ...rest } = req.validatedQuery as AdminListSocialPostsQueryType
  const socials = resolveSocials(req.scope)
  const filters = { ...rest, ...(platform_id ? { platform_id } : {}) }
  const bySales = order?.replace(/^-/, "")
  const [posts, count] =
    bySales === "orders" || bySales === "revenue"
      ? await listBySales(req.scope, { socials, filters, by: bySales, currencyCode: currency_code, direction: order!.startsWith("-") ? "DESC" : "ASC", offset, limit })
      : await socials.listAndCountSocialPosts(filters, {
          skip: offset,
          take: limit,
          order: parseOrder(order, { created_at: "DESC" }),
          relations: ["platform"],
        })
  // Orders and revenue per currency beside each post (one query for the page).
  const sales = await salesForPosts(req.scope, posts.map((p) => p.id))
  res.json({ social_posts: posts.map((p) => ({ ...toPublicPost(p), sales: sales.get(p.id) })), count, offset, limit })
}

async function listBySales(scope: MedusaContainer, args: Parameters<typeof pagePostIdsBySales>[1]) {
  const { ids, count } = await pagePostIdsBySales(scope, args)
  const posts = ids.length ? await args.socials.listSocialPosts({ id: ids }, { relations: ["platform"], take: ids.length }) : []
  const byId = new Map(posts.map((p) => [p.id, p]))
  return [ids.flatMap((id) => byId.get(id) ?? []), count] as const
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSocialPostType>, res: MedusaResponse<Wire<SocialPostResponse>>) => {
  const { result } = await createSocialPostWorkflow(req.scope).run({ input: req.validatedBody })
  const post = await resolveSocials(req.scope).retrieveSocialPost(result.id, { relations: ["platform"] })
  res.status(201).json({ social_post: toPublicPost(post) })
}
