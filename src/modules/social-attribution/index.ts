import { Module } from "@medusajs/framework/utils"
import SocialAttributionModuleService from "./service"

export const SOCIAL_ATTRIBUTION_MODULE = "socialAttribution"

export default Module(SOCIAL_ATTRIBUTION_MODULE, {
  service: SocialAttributionModuleService,
})

export { SocialAttributionModuleService }
