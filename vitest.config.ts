import { defineConfig } from "vitest/config"

/**
 * One runner for everything. Medusa's integration runners call describe/beforeAll
 * as globals and load medusa-config.ts / src/** with Node's own require, so files
 * run in forked processes with ts-node registered (see integration-tests/setup.js).
 */
export default defineConfig({
  test: {
    globals: true,
    pool: "forks",
    setupFiles: ["./integration-tests/setup.js"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/__tests__/**/*.test.ts", "sandbox/**/__tests__/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["integration-tests/**/*.spec.ts"],
        },
      },
    ],
  },
})
