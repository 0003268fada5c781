#!/usr/bin/env node
// `npm run simulate [-- --posts 100000 --accounts 10 --days 7 --seed 1 --json out.json]`:
// see docs/performance.md. The simulation itself lives in sim/ (TypeScript).
require("ts-node").register({ transpileOnly: true, swc: true })

require("../sim/main")
  .main(process.argv.slice(2))
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
