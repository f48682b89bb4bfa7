export * from "./star.mjs";
export { a as again } from "./lib.mjs";
