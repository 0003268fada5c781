import { defineMiddlewares } from "@medusajs/framework/http"
import { socialPlatformsMiddlewares } from "./admin/social-platforms/middlewares"
import { socialPostsMiddlewares } from "./admin/social-posts/middlewares"
import { socialPostsExportMiddlewares } from "./admin/social-posts/export/middlewares"
import { accountSnapshotsMiddlewares } from "./admin/social-platforms/[id]/account-snapshots/middlewares"
import { socialOverviewMiddlewares } from "./admin/social-overview/middlewares"
import { socialPostProductsMiddlewares } from "./admin/social-posts/[id]/products/middlewares"
import { productSocialPostsMiddlewares } from "./admin/products/[id]/social-posts/middlewares"
import { socialPostSalesMiddlewares } from "./admin/social-posts/[id]/sales/middlewares"
import { socialPostPromotionsMiddlewares } from "./admin/social-posts/[id]/promotions/middlewares"
import { attributionWidgetMiddlewares } from "./admin/attribution-middlewares"
import { socialConnectMiddlewares } from "./admin/social-platforms/connect/middlewares"
import { importPostsEstimateMiddlewares } from "./admin/social-platforms/[id]/import-posts/middlewares"
import { rejectNulCharacters } from "./utils/reject-nul-characters"

export default defineMiddlewares({
  routes: [
    // Before any handler: a NUL would reach PostgreSQL and become a 500. (A lookahead, not a
    // consumed "/": Express skips a `use` layer whose match does not end at a path boundary.)
    { matcher: /^\/admin\/(?:social-(?:platforms|posts)|products\/[^/]+\/social-posts)(?=\/|$)/, middlewares: [rejectNulCharacters] },
    ...socialPlatformsMiddlewares,
    ...socialConnectMiddlewares,
    ...importPostsEstimateMiddlewares,
    ...socialPostsMiddlewares,
    ...socialPostsExportMiddlewares,
    ...accountSnapshotsMiddlewares,
    ...socialOverviewMiddlewares,
    ...socialPostProductsMiddlewares,
    ...productSocialPostsMiddlewares,
    ...socialPostSalesMiddlewares,
    ...socialPostPromotionsMiddlewares,
    ...attributionWidgetMiddlewares,
  ],
})
