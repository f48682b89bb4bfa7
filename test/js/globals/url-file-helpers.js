// url module helpers for file: URLs and the legacy API.
const url = require("url");
console.log(url.fileURLToPath("file:///tmp/a%20b/c.js"), url.pathToFileURL("/tmp/x y#?.js").href);
try { url.fileURLToPath("http://x/"); } catch (e) { console.log(e.code); }
console.log(url.URL === URL, url.URLSearchParams === URLSearchParams);
const legacy = url.parse("http://u:p@host.test:81/p/a?x=1#h", true);
console.log(legacy.host, legacy.pathname, legacy.query, legacy.hash, legacy.auth);
console.log(url.format({ protocol: "https", hostname: "h.test", pathname: "/a", query: { q: "1 2" } }));
console.log(url.resolve("http://a/b/c", "../d"));
