export const x = "extension is mandatory in ESM";
