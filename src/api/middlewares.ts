import { defineMiddlewares } from "@medusajs/framework/http"
import { socialPlatformsMiddlewares } from "./admin/social-platforms/middlewares"
import { socialPostsMiddlewares } from "./admin/social-posts/middlewares"

export default defineMiddlewares({
  routes: [...socialPlatformsMiddlewares, ...socialPostsMiddlewares],
})
