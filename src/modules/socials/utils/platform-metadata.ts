/** Where an account's discovery keeps its place (social_platform.metadata, beside the merchant's keys). */
export const DISCOVERY_STATE_KEY = "socials_discovery"

/** The keys of social_platform.metadata the plugin writes itself; every other key is the merchant's. */
export const PLUGIN_METADATA_KEYS: readonly string[] = [DISCOVERY_STATE_KEY]

type Metadata = Record<string, unknown> | null | undefined

/**
 * The metadata update for a merchant's save of `next` over `previous`. Medusa's update
 * merges an object into the stored metadata (a key set to "" is removed), so an object
 * passes as it is; but `null` replaces the column and would wipe discovery's high-water
 * mark (the next hourly run would start over from the connection time). A `null` therefore
 * becomes the removal of the merchant's own keys only; the plugin's stay.
 */
export function keepPluginMetadata(previous: unknown, next: Metadata): Metadata {
  if (next !== null) return next
  const before = previous && typeof previous === "object" ? (previous as Record<string, unknown>) : {}
  const keys = Object.keys(before)
  if (!keys.some((k) => PLUGIN_METADATA_KEYS.includes(k))) return null
  const merchantKeys = keys.filter((k) => !PLUGIN_METADATA_KEYS.includes(k))
  // Nothing of the merchant's to clear: leave the metadata as it is.
  return merchantKeys.length ? Object.fromEntries(merchantKeys.map((k) => [k, ""])) : undefined
}
