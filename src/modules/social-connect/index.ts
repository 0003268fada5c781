import { Module } from "@medusajs/framework/utils"
import SocialConnectModuleService from "./service"

/** OAuth states and pending connections of "Connect account" (docs/connecting-accounts.md). */
export const SOCIAL_CONNECT_MODULE = "socialConnect"

export default Module(SOCIAL_CONNECT_MODULE, {
  service: SocialConnectModuleService,
})

export { SocialConnectModuleService }
