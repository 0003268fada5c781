import { describe, expect, it } from "vitest"
import { PlatformApiError } from "../../http/platform-api-error"
import type { PlatformCredentials, RefreshedToken, TokenStore } from "../../types"
import { createTokenManager, refreshRefused } from "../token-manager"

/**
 * X's token endpoint in miniature: every refresh token works once (X rotates
 * them) and answers invalid_grant after; the stored pair is what the last
 * successful refresh saved; the lock is a plain promise chain (Medusa's Locking
 * module does this across processes).
 */
function xAccount(initial: { access: string; refresh: string }) {
  let stored = { accessToken: initial.access, refreshToken: initial.refresh, tokenExpiresAt: Date.now() - 60_000 as number | undefined }
  const live = new Set([initial.refresh])
  const refreshes: string[] = []
  let n = 0
  let chain: Promise<unknown> = Promise.resolve()
  const store: TokenStore = {
    withRefreshLock: <T>(job: () => Promise<T>) => {
      const run = chain.then(job)
      chain = run.catch(() => undefined)
      return run
    },
    read: async () => ({ ...stored }),
  }
  const refresh = async (refreshToken: string): Promise<RefreshedToken> => {
    refreshes.push(refreshToken)
    await new Promise((r) => setTimeout(r, 20))
    if (!live.delete(refreshToken)) throw refreshRefused("twitter", 400, '{"error":"invalid_grant"}', [])
    n++
    live.add(`rt-${n}`)
    return { accessToken: `at-${n}`, refreshToken: `rt-${n}`, expiresAt: new Date(Date.now() + 7_200_000) }
  }
  const save = (t: RefreshedToken) => {
    stored = { accessToken: t.accessToken, refreshToken: t.refreshToken ?? stored.refreshToken, tokenExpiresAt: t.expiresAt?.getTime() }
  }
  const credentials = (): PlatformCredentials => ({ ...stored, accountId: "1500000000000000001" })
  const revoke = (refreshToken: string) => live.delete(refreshToken)
  return { store, refresh, save, credentials, refreshes, revoke, stored: () => stored, setStored: (s: typeof stored) => (stored = s) }
}

const manager = (account: ReturnType<typeof xAccount>, withStore = true) =>
  createTokenManager({
    platform: "twitter",
    credentials: account.credentials(),
    refresh: account.refresh,
    onTokenRefreshed: account.save,
    ...(withStore ? { store: account.store } : {}),
  })

/** A platform call that accepts only the stored access token. */
const callWith = (account: ReturnType<typeof xAccount>) => async (token: string) => {
  if (token !== account.stored().accessToken) throw new PlatformApiError({ platform: "twitter", kind: "auth", status: 401, expired: true })
  return token
}

describe("token refresh across runs", () => {
  it("two runs that both find the token expired refresh once and both use the new pair", async () => {
    const account = xAccount({ access: "at-0", refresh: "rt-0" })
    const a = manager(account)
    const b = manager(account)
    const results = await Promise.all([a.withToken(callWith(account)), b.withToken(callWith(account))])
    expect(results).toEqual(["at-1", "at-1"])
    expect(account.refreshes).toEqual(["rt-0"])
    expect(account.stored()).toMatchObject({ accessToken: "at-1", refreshToken: "rt-1" })
  })

  it("a refusal of a refresh token another run has already rotated adopts the stored pair instead of failing", async () => {
    const account = xAccount({ access: "at-0", refresh: "rt-0" })
    const stale = manager(account)
    // Another process (without our lock) refreshed and stored a new pair after this run read its credentials.
    const other = await account.refresh("rt-0")
    account.save(other)
    await expect(stale.withToken(callWith(account))).resolves.toBe("at-1")
    expect(account.refreshes).toEqual(["rt-0"])
    expect(stale.secrets()).toEqual(expect.arrayContaining(["at-1", "rt-1", "at-0", "rt-0"]))
  })

  it("a 401 with a token another run replaced retries with the stored one, without refreshing", async () => {
    const account = xAccount({ access: "at-0", refresh: "rt-0" })
    account.setStored({ ...account.stored(), tokenExpiresAt: undefined })
    const run = createTokenManager({ platform: "twitter", credentials: account.credentials(), store: account.store })
    account.setStored({ accessToken: "at-reconnected", refreshToken: "rt-0", tokenExpiresAt: undefined })
    await expect(run.withToken(callWith(account))).resolves.toBe("at-reconnected")
    expect(account.refreshes).toEqual([])
  })

  it("still fails when the refused token is the stored one", async () => {
    const account = xAccount({ access: "at-0", refresh: "rt-dead" })
    account.revoke("rt-dead")
    const run = manager(account)
    await expect(run.withToken(callWith(account))).rejects.toMatchObject({ kind: "auth", code: "refresh_failed" })
  })
})

describe("renew (the daily token job)", () => {
  it("refreshes now although the token is still valid, saves the pair, and says so", async () => {
    const account = xAccount({ access: "at-0", refresh: "rt-0" })
    account.setStored({ ...account.stored(), tokenExpiresAt: Date.now() + 3_600_000 })
    await expect(manager(account).renew()).resolves.toBe("renewed")
    expect(account.refreshes).toEqual(["rt-0"])
    expect(account.stored()).toMatchObject({ accessToken: "at-1", refreshToken: "rt-1" })
  })

  it("takes a pair another run stored meanwhile instead of spending the refresh token again", async () => {
    const account = xAccount({ access: "at-0", refresh: "rt-0" })
    const run = manager(account)
    account.save(await account.refresh("rt-0"))
    await expect(run.renew()).resolves.toBe("renewed")
    expect(account.refreshes).toEqual(["rt-0"])
    expect(run.current()).toBe("at-1")
  })

  it("without a refresh token or a way to refresh: not_renewable, no call; a refusal throws the auth error", async () => {
    const account = xAccount({ access: "at-0", refresh: "rt-0" })
    const noRefresh = createTokenManager({ platform: "twitter", credentials: { ...account.credentials(), refreshToken: undefined }, refresh: account.refresh })
    await expect(noRefresh.renew()).resolves.toBe("not_renewable")
    await expect(createTokenManager({ platform: "linkedin", credentials: account.credentials() }).renew()).resolves.toBe("not_renewable")
    expect(account.refreshes).toEqual([])
    account.revoke("rt-0")
    await expect(manager(account).renew()).rejects.toMatchObject({ kind: "auth", code: "refresh_failed" })
  })
})
