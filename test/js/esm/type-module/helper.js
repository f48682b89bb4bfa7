export function helper() { return "helper from ESM .js"; }
