import { resolveSocialsConfig } from "../../config"

describe("X_FULL_ARCHIVE_SEARCH", () => {
  it("is off unless set; the option and the variable both turn it on", () => {
    expect(resolveSocialsConfig({}, {}).xFullArchiveSearch).toBe(false)
    expect(resolveSocialsConfig({}, { X_FULL_ARCHIVE_SEARCH: "true" }).xFullArchiveSearch).toBe(true)
    expect(resolveSocialsConfig({}, { X_FULL_ARCHIVE_SEARCH: "false" }).xFullArchiveSearch).toBe(false)
    expect(resolveSocialsConfig({ xFullArchiveSearch: true }, {}).xFullArchiveSearch).toBe(true)
  })
})
