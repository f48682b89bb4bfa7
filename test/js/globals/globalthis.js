// globalThis and the globals a Node program can count on.
console.log(globalThis === global, typeof window, typeof self);
const names = ["console", "process", "Buffer", "setTimeout", "clearTimeout", "setInterval",
  "clearInterval", "setImmediate", "clearImmediate", "queueMicrotask", "structuredClone",
  "TextEncoder", "TextDecoder", "URL", "URLSearchParams", "AbortController", "AbortSignal",
  "EventTarget", "Event", "atob", "btoa", "performance", "DOMException"];
for (const n of names) console.log(n, typeof globalThis[n]);
console.log(Object.getOwnPropertyDescriptor(globalThis, "process").enumerable);
