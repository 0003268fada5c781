import { Module } from "@medusajs/framework/utils"
import SocialsModuleService from "./service"

export const SOCIALS_MODULE = "socials"

export default Module(SOCIALS_MODULE, {
  service: SocialsModuleService,
})

export { SocialsModuleService }
