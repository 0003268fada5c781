// Preloaded only by `npm run bench:server` into the measured `medusa start`
// (NODE_OPTIONS="--expose-gc -r bench/server/gc-hook.js"); never part of the plugin.
// On SIGUSR2: a full GC, then the process's memory written to BENCH_GC_REPORT.
const { writeFileSync } = require("node:fs")

const report = process.env.BENCH_GC_REPORT
if (report && typeof global.gc === "function" && process.argv.includes("start")) {
  writeFileSync(`${report}.pid`, String(process.pid))
  process.on("SIGUSR2", () => {
    global.gc()
    global.gc()
    const m = process.memoryUsage()
    writeFileSync(report, JSON.stringify({ at: Date.now(), ...m }))
  })
}
