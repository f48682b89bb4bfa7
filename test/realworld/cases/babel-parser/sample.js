// Sample script for @babel/parser's CLI (script source type).
async function load(path, { encoding = "utf8", ...rest } = {}) {
  const text = await readFile(path, encoding);
  const lines = text.split(/\r?\n/u).filter(Boolean);
  label: for (const [i, line] of lines.entries()) {
    if (line?.startsWith("#")) continue label;
    rest[i] ??= `${i}: ${line}`;
  }
  return class extends Map { static n = 1n; #p = 0x1f; get p() { return this.#p; } };
}
