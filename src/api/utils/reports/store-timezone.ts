import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** Where the setting lives: the store's metadata, so it travels with the store and needs no table of its own. */
export const TIMEZONE_KEY = "social_insights_timezone"

/** Whether `tz` is a zone this runtime (and so the admin's Intl) can read hours in. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return true
  } catch {
    return false
  }
}

type StoreRecord = { id: string; metadata?: Record<string, unknown> | null }

async function theStore(scope: MedusaContainer): Promise<StoreRecord> {
  const [store] = (await scope.resolve(Modules.STORE).listStores({}, { select: ["id", "metadata"], take: 1 })) as StoreRecord[]
  if (!store) throw new MedusaError(MedusaError.Types.NOT_FOUND, "There is no store to keep the time zone on")
  return store
}

/** The stored zone, or null when the merchant never chose one (the admin then uses the browser's). */
export async function readStoreTimeZone(scope: MedusaContainer): Promise<string | null> {
  const value = (await theStore(scope)).metadata?.[TIMEZONE_KEY]
  // A zone stored by hand that the runtime no longer knows counts as unset rather than failing every heatmap.
  return typeof value === "string" && isTimeZone(value) ? value : null
}

/** Stores `tz` (null removes it), keeping the rest of the store's metadata. */
export async function writeStoreTimeZone(scope: MedusaContainer, tz: string | null): Promise<string | null> {
  const store = await theStore(scope)
  const metadata = { ...(store.metadata ?? {}) }
  if (tz === null) delete metadata[TIMEZONE_KEY]
  else metadata[TIMEZONE_KEY] = tz
  await scope.resolve(Modules.STORE).updateStores(store.id, { metadata })
  return tz
}
