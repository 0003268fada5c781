export * from "./social-platform"
export * from "./social-post"
export * from "./social-post-insights-snapshot"
