#!/usr/bin/env node
// `npm run bench:server [-- --runs 10 --posts 500]`: memory of a production build
// (`medusa build`, `medusa start`) serving consecutive bulk syncs over HTTP.
// See docs/performance.md ("Long-lived server"). The script lives in bench/server/.
require("ts-node").register({ transpileOnly: true, swc: true })

require("../bench/server/main")
  .main(process.argv.slice(2))
  .catch((error) => {
    console.error(error)
    process.exit(1)
  })
