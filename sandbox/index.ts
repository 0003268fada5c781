/** Dev-only platform sandbox: fake Graph / X / LinkedIn HTTP APIs for tests, demo and benchmark. */
export { startSandbox } from "./server"
export type { SandboxHandle, SandboxUrls } from "./handle"
export { buildSeed, defaultAccounts, generateWorkload, workloadAccounts, createRng, DEMO_TOKENS, META_DEMO_TOKENS, META_SEED_IDS } from "./seed"
export type { WorkloadOptions } from "./seed"
export * from "./types"
