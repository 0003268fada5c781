#!/usr/bin/env node
// `npm run bench [-- --posts 10000 --latency 100 --jitter 20 --concurrency 5 --page-size 500]`:
// see docs/performance.md. The benchmark itself lives in bench/ (TypeScript).
require("ts-node").register({ transpileOnly: true, swc: true })

require("../bench/main")
  .main(process.argv.slice(2))
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
