import { afterEach, describe, expect, it } from "vitest"
import { startSandbox, type SandboxHandle } from "../server"
import { THREADS_DEMO_TOKENS as T, THREADS_SEED_IDS as IDS } from "../threads/seed"

let sb: SandboxHandle | undefined
afterEach(async () => {
  await sb?.stop()
  sb = undefined
})

const get = async (url: string, token: string) => {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  return { status: res.status, body: await res.json() }
}

describe("Threads mounted in the core sandbox", () => {
  it("serves /threads next to the other families, named in env; setOptions({ threads }) applies at once", async () => {
    sb = await startSandbox({ port: 0 })
    expect(sb.env.THREADS_GRAPH_API_URL).toBe(`${sb.url}/threads`)
    const me = await get(`${sb.env.THREADS_GRAPH_API_URL}/v1.0/me`, T.user)
    expect(me).toEqual({ status: 200, body: { id: IDS.user } })
    sb.setOptions({ threads: { throttle: 17 } })
    expect((await get(`${sb.env.THREADS_GRAPH_API_URL}/v1.0/me`, T.user)).body.error).toMatchObject({ code: 17 })
    // The other families are untouched.
    expect((await fetch(`${sb.urls.x}/2/tweets?ids=1`)).status).toBe(401)
  })

  it("reset({ fixtures: true }) restores the Threads seed too", async () => {
    sb = await startSandbox({ port: 0 })
    const refreshed = await fetch(`${sb.env.THREADS_GRAPH_API_URL}/refresh_access_token?grant_type=th_refresh_token&access_token=${T.expiring}`)
    const { access_token } = (await refreshed.json()) as { access_token: string }
    expect((await get(`${sb.env.THREADS_GRAPH_API_URL}/v1.0/me`, access_token)).status).toBe(200)
    sb.reset({ fixtures: true })
    expect((await get(`${sb.env.THREADS_GRAPH_API_URL}/v1.0/me`, access_token)).body.error).toMatchObject({ code: 190 })
  })
})
