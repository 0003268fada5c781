import { metaConnectFlow } from "../socials/platforms/meta/connect"
import { xConnectFlow } from "../socials/platforms/x/connect"
import { linkedinConnectFlow } from "../socials/platforms/linkedin/connect"
import { threadsConnectFlow } from "../socials/platforms/threads/connect"
import type { ConnectFlow } from "../socials/platforms/connect/types"
import type { ConnectProvider } from "./types"

/** The connect flow of each provider; a provider without one answers "not supported yet". */
export const CONNECT_FLOWS: Partial<Record<ConnectProvider, ConnectFlow>> = {
  meta: metaConnectFlow,
  x: xConnectFlow,
  linkedin: linkedinConnectFlow,
  threads: threadsConnectFlow,
}
