export * from "./social-platform"
export * from "./social-post"
export * from "./social-post-insights-snapshot"
export * from "./social-account-snapshot"
