export * from "./social-attribution"
