import { MedusaContainer } from "@medusajs/framework/types"
import { SOCIALS_MODULE } from "../../modules/socials"
import SocialsModuleService from "../../modules/socials/service"

export const resolveSocials = (container: MedusaContainer): SocialsModuleService =>
  container.resolve<SocialsModuleService>(SOCIALS_MODULE)
