globalThis.n = (globalThis.n || 0) + 1;
const u = import.meta.url;
export const id = globalThis.n + " " + u.slice(u.indexOf("counter.mjs") + "counter.mjs".length);
