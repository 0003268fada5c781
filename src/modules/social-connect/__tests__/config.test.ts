import { providerCredentials, redirectUriFor, resolveConnectConfig } from "../config"

describe("connect config: options beat environment, missing credentials are named", () => {
  it("defaults the authorization endpoints and builds the redirect URI from MEDUSA_BACKEND_URL", () => {
    const config = resolveConnectConfig({}, { MEDUSA_BACKEND_URL: "https://shop.example/" })
    expect(config).toMatchObject({
      metaOAuthDialogUrl: "https://www.facebook.com",
      xOAuthAuthorizeUrl: "https://x.com/i/oauth2/authorize",
      linkedinOAuthUrl: "https://www.linkedin.com/oauth/v2",
      threadsOAuthUrl: "https://threads.com/oauth/authorize",
    })
    expect(redirectUriFor(config, "meta")).toBe("https://shop.example/admin/social-platforms/connect/meta/callback")
  })

  it("reads credentials from options first, then the variables the issue names", () => {
    const config = resolveConnectConfig({ metaAppId: "from-option" }, { META_APP_ID: "from-env", META_APP_SECRET: "s", LINKEDIN_CLIENT_ID: "li" })
    expect(providerCredentials(config, "meta")).toEqual({ clientId: "from-option", clientSecret: "s" })
    expect(providerCredentials(config, "linkedin")).toEqual({ missing: ["LINKEDIN_CLIENT_SECRET"] })
    expect(providerCredentials(config, "threads")).toEqual({ missing: ["THREADS_APP_ID", "THREADS_APP_SECRET"] })
  })

  it("refuses a malformed endpoint, naming the variable", () => {
    expect(() => resolveConnectConfig({}, { META_OAUTH_DIALOG_URL: "not a url" })).toThrow(/META_OAUTH_DIALOG_URL/)
  })
})
