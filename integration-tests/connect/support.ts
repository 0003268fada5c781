import type { SandboxHandle } from "../../sandbox/server"

/** What the merchant's browser does on the platform: open the consent page, click Allow or Deny, read where it is sent. */
export async function consent(authorizationUrl: string, choice: "allow" | "deny"): Promise<URL> {
  const page = await fetch(authorizationUrl)
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${await page.text()}`)
  const html = await page.text()
  const href = new RegExp(`id="${choice}"[^>]*href="([^"]+)"`).exec(html)?.[1]
  if (!href) throw new Error(`no ${choice} link on the consent page`)
  const res = await fetch(href.replace(/&#38;/g, "&"), { redirect: "manual" })
  return new URL(res.headers.get("location") ?? "")
}

/** The callback's query as the platform sent it (the fragment stays in the browser). */
export const callbackQuery = (redirect: URL) => Object.fromEntries(redirect.searchParams)

/** Every token the sandbox knows, to check none leaks into a response. */
export const sandboxTokens = (sb: SandboxHandle) => sb.fixtures.tokens.map((t) => t.token)
