import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolveSocials } from "../../../../workflows/steps/resolve-socials"
import { keysetPages, rowsOf } from "../../../utils/csv/keyset-pages"
import { sendCsv } from "../../../utils/csv/csv-response"
import { ExportPost, salesColumns, SOCIAL_POST_COLUMNS } from "../../../utils/csv/social-post-columns"
import { attributedCurrencies, hasAttribution, salesOfPage } from "../../../utils/csv/export-sales"
import { AdminExportSocialPostsQueryType } from "./validators"

/** Rows read from the database at a time; the export's memory stays at one page whatever the total. */
const EXPORT_PAGE_SIZE = 500

/** Every post matching the list's filters, as CSV, oldest created first (docs/reports.md lists the columns). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExportSocialPostsQueryType>, res: MedusaResponse) => {
  const { platform_id, status, q, published_from, published_to } = req.validatedQuery as AdminExportSocialPostsQueryType
  const socials = resolveSocials(req.scope)
  const filters: Record<string, unknown> = {
    ...(platform_id ? { platform_id } : {}),
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    ...(published_from || published_to
      ? { posted_at: { ...(published_from ? { $gte: new Date(published_from) } : {}), ...(published_to ? { $lt: new Date(published_to) } : {}) } }
      : {}),
  }
  const withSales = hasAttribution(req.scope)
  const columns = withSales ? [...SOCIAL_POST_COLUMNS, ...salesColumns(await attributedCurrencies(req.scope))] : SOCIAL_POST_COLUMNS

  const pages = keysetPages<ExportPost, string>(
    (after, take) =>
      socials.listSocialPosts(
        { ...filters, ...(after ? { id: { $gt: after } } : {}) },
        { take, order: { id: "ASC" }, relations: ["platform"] }
      ) as Promise<ExportPost[]>,
    (post) => post.id,
    EXPORT_PAGE_SIZE
  )
  const rows = rowsOf(pages, async (page) => {
    if (!withSales) return page
    const sales = await salesOfPage(req.scope, page.map((p) => p.id))
    return page.map((p) => ({ ...p, sales: sales.get(p.id) }))
  })
  await sendCsv(res, `social-posts-${new Date().toISOString().slice(0, 10)}.csv`, columns, rows)
}
