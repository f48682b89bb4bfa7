export const x = "mjs is always ESM";
