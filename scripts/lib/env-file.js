// Reads and appends KEY=value lines of the git-ignored .env file.
const fs = require("fs")
const path = require("path")

const ENV_PATH = path.join(__dirname, "..", "..", ".env")

function readEnvFile() {
  if (!fs.existsSync(ENV_PATH)) return {}
  const out = {}
  for (const line of fs.readFileSync(ENV_PATH, "utf8").split("\n")) {
    const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/)
    if (match) out[match[1]] = match[2].replace(/^["']|["']$/g, "")
  }
  return out
}

function appendEnvFile(values) {
  const lines = Object.entries(values).map(([k, v]) => `${k}=${v}`)
  if (lines.length) fs.appendFileSync(ENV_PATH, (fs.existsSync(ENV_PATH) ? "\n" : "") + lines.join("\n") + "\n")
}

module.exports = { readEnvFile, appendEnvFile, ENV_PATH }
