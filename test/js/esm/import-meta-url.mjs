// import.meta.url is a file: URL of this module (the runner shows its
// directory as <dir>).
import { fileURLToPath } from "url";
import path from "path";
console.log(import.meta.url);
const file = fileURLToPath(import.meta.url);
console.log(path.basename(file), path.dirname(file) === process.cwd());
console.log(new URL("./sibling.json", import.meta.url).href);
