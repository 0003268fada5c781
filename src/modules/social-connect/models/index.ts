export { SocialOAuthState } from "./oauth-state"
export { SocialPendingConnection } from "./pending-connection"
