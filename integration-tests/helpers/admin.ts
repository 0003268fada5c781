import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { AxiosInstance } from "axios"

export type AdminHeaders = { headers: Record<string, string> }

/**
 * Creates an admin user with an emailpass identity and logs in over HTTP, so tests
 * authenticate exactly as the dashboard does (POST /auth/user/emailpass).
 */
export async function loginAsNewAdmin(container: MedusaContainer, api: AxiosInstance): Promise<AdminHeaders> {
  const email = `admin-${Math.random().toString(36).slice(2)}@example.com`
  const password = "correct-horse-battery-staple"
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  const user = await users.createUsers({ email, first_name: "Test", last_name: "Admin" })
  const { authIdentity, error } = await auth.register("emailpass", {
    url: "",
    headers: {},
    query: {},
    protocol: "http",
    body: { email, password },
  })
  if (!authIdentity) {
    throw new Error(`could not register the test admin: ${error}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/** Axios throws on 4xx/5xx; tests want the response. */
export async function expectHttpError(promise: Promise<unknown>) {
  try {
    await promise
  } catch (e) {
    const response = (e as { response?: { status: number; data: { message?: string; type?: string; code?: string; retry_after?: number } } }).response
    if (response) {
      return response
    }
    throw e
  }
  throw new Error("expected the request to fail, but it succeeded")
}
