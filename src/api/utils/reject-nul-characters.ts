import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * PostgreSQL text and jsonb cannot hold U+0000: a NUL that reaches a query makes
 * the driver throw and Medusa answers 500 "unknown error". Refuse it up front with
 * a 400 naming where it was (an id in the path, a query parameter, a body field).
 */
export function rejectNulCharacters(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const where = nulInPath(req.originalUrl) ?? findNul(req.query, "") ?? findNul(req.body, "")
  if (where !== undefined) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `${where || "body"}: must not contain the NUL character (\\u0000)`))
  }
  next()
}

function nulInPath(url: string): string | undefined {
  const path = url.split("?")[0]
  let decoded: string
  try {
    decoded = decodeURIComponent(path)
  } catch {
    // Malformed percent-encoding: Express answers it with its own 400.
    return undefined
  }
  return decoded.includes("\u0000") ? "id" : undefined
}

/** Dotted path of the first string (or key) holding a NUL, or undefined. */
function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === "string") {
    return value.includes("\u0000") ? path : undefined
  }
  if (!value || typeof value !== "object" || depth > 20) {
    return undefined
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key
    if (key.includes("\u0000")) {
      return childPath
    }
    const found = findNul(child, childPath, depth + 1)
    if (found !== undefined) {
      return found
    }
  }
  return undefined
}
