import { SOCIAL_PLATFORMS, type SocialPlatform } from "./catalog"
import type { PlatformDefinition } from "./definition"
import { facebookDefinition } from "./facebook/definition"
import { instagramDefinition } from "./instagram/definition"
import { linkedinDefinition } from "./linkedin/definition"
import { threadsDefinition } from "./threads/definition"
import { xDefinition } from "./x/definition"

/**
 * Every platform this plugin syncs, one line each (the browser-safe facts are in
 * catalog.ts). Everything that needs the list (dispatch, validators, config
 * slices, persistence) reads it from here.
 */
export const PLATFORM_DEFINITIONS: readonly PlatformDefinition[] = [instagramDefinition, facebookDefinition, xDefinition, linkedinDefinition, threadsDefinition]

const BY_ID = new Map<string, PlatformDefinition>(PLATFORM_DEFINITIONS.map((d) => [d.id, d]))

/** A platform's definition; an unknown id is an error, never another platform's code. */
export function definitionOf(id: string): PlatformDefinition {
  const definition = BY_ID.get(id)
  if (!definition) throw new Error(`No platform definition for '${id}' (known: ${[...BY_ID.keys()].join(", ")})`)
  return definition
}

/** The definitions whose posts an account of this provider syncs (Meta: Instagram and Facebook), in registry order. */
export function definitionsServing(provider: string): PlatformDefinition[] {
  return PLATFORM_DEFINITIONS.filter((d) => d.providers.includes(provider))
}

/**
 * The module config with each platform's own slice under its key (`config.threads`),
 * resolved from the same options and environment; a bad value fails the boot naming it.
 */
export function withPlatformSlices<C extends object>(config: C, options: unknown, env: Record<string, string | undefined> = process.env): C {
  const slices: Record<string, unknown> = {}
  for (const { config: slice } of PLATFORM_DEFINITIONS) {
    if (slice.key && slice.from) slices[slice.key] = slice.from(options, env)
  }
  return { ...config, ...slices }
}

/** Catalog and registry must list the same platforms: a fact without code (or code without facts) is a mistake. */
export function registryMismatch(): string[] {
  const listed = new Set<string>(PLATFORM_DEFINITIONS.map((d) => d.id))
  return [
    ...SOCIAL_PLATFORMS.filter((id) => !listed.has(id)).map((id) => `${id}: in the catalog, no definition`),
    ...[...listed].filter((id) => !SOCIAL_PLATFORMS.includes(id as SocialPlatform)).map((id) => `${id}: a definition, not in the catalog`),
  ]
}
