import type { SocialPlatform } from "../catalog"
import type { ConnectHttp } from "./connect-http"

/** The settings a flow reads (resolved by the social-connect module from options and env). */
export interface ConnectEndpoints {
  metaOAuthDialogUrl: string
  xOAuthAuthorizeUrl: string
  linkedinOAuthUrl: string
  threadsOAuthUrl: string
  metaGraphApiUrl: string
  metaGraphApiVersion: string
  xApiUrl: string
  linkedinApiUrl: string
  linkedinApiVersion: string
  threadsGraphApiUrl: string
  threadsApiVersion: string
}

export interface AuthorizationInput {
  endpoints: ConnectEndpoints
  clientId: string
  redirectUri: string
  state: string
  /** S256 challenge from oauth4webapi, for flows with `pkce`. */
  codeChallenge?: string
}

export interface ExchangeInput {
  endpoints: ConnectEndpoints
  clientId: string
  clientSecret: string
  code: string
  redirectUri: string
  codeVerifier?: string | null
  http: ConnectHttp
}

/** An account one consent can connect, with its token in clear (sealed right after). */
export interface DiscoveredAccount {
  /** Stored provider of social_platform. */
  provider: SocialPlatform | "threads"
  accountId: string
  name: string
  username: string | null
  accessToken: string
  refreshToken?: string
  expiresAt?: Date
  authType: "page" | "user" | "oauth2" | "user_context"
}

/**
 * One platform's "Connect" flow: where to send the merchant, which scopes and why
 * (docs/connecting-accounts.md), and how a code becomes the accounts it may read.
 */
export interface ConnectFlow {
  readonly provider: "meta" | "x" | "linkedin" | "threads"
  /** Button text: "Connect Instagram & Facebook". */
  readonly label: string
  readonly scopes: readonly string[]
  readonly pkce: boolean
  authorizationUrl(input: AuthorizationInput): string
  /** Code → tokens → accounts. Throws PlatformApiError when the platform refuses. */
  discover(input: ExchangeInput): Promise<DiscoveredAccount[]>
}
