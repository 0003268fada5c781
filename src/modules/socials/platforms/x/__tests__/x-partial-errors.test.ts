import { postProblems } from "../partial-errors"

describe("X partial errors (HTTP 200 errors[])", () => {
  it("reads the captured shape", () => {
    const problems = postProblems([
      { value: "1276230436478386177", detail: "Could not find tweet with ids: [1276230436478386177].", title: "Not Found Error", resource_type: "tweet", parameter: "ids", resource_id: "1276230436478386177", type: "https://api.twitter.com/2/problems/resource-not-found" },
    ])
    expect(problems.get("1276230436478386177")).toMatchObject({ kind: "not_found", code: "resource-not-found" })
  })

  it("entries without type or resource_id: classified from the title, attributed from value or the ids in the detail", () => {
    const problems = postProblems([
      { title: "Not Found Error", detail: "Could not find tweet with ids: [11,12]." },
      { title: "Authorization Error", value: "13", parameter: "ids", detail: "Sorry, you are not authorized to see the Tweet with ids: [13]." },
      { resource_id: 14, title: "Not Found Error" },
    ])
    expect(problems.get("11")?.kind).toBe("not_found")
    expect(problems.get("12")?.kind).toBe("not_found")
    expect(problems.get("13")?.kind).toBe("permission")
    expect(problems.get("14")?.kind).toBe("not_found")
  })

  it("an entry naming no post is attributed to none; garbage entries are skipped, not fatal", () => {
    const problems = postProblems([{ title: "Something went wrong", detail: "try later" }, "oops", null, 42, { resource_id: { nested: true } }])
    expect(problems.size).toBe(0)
  })

  it("a field refusal never hides the post's own problem", () => {
    const problems = postProblems([
      { resource_id: "21", title: "Field Authorization Error", type: "https://api.x.com/2/problems/not-authorized-for-field" },
      { resource_id: "21", title: "Not Found Error", type: "https://api.x.com/2/problems/resource-not-found" },
      { resource_id: "22", title: "Field Authorization Error" },
    ])
    expect(problems.get("21")?.kind).toBe("not_found")
    expect(problems.get("22")?.kind).toBe("field")
  })
})
