// File names with spaces and non-ASCII characters are percent-encoded in
// import.meta.url; specifiers are URLs, so they may be written encoded or not.
import { here } from "./a dir/é file.mjs";
import { here as again } from "./a%20dir/%C3%A9%20file.mjs";
console.log(here, here === again);
