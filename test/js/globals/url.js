// WHATWG URL parsing and serialisation.
const u = new URL("https://user:pa%20ss@Example.COM:8080/a/./b/../c?x=1&y=2#frag");
for (const k of ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"])
  console.log(k, JSON.stringify(u[k]));
console.log(new URL("../x?q#h", "http://h.test/a/b/c").href);
console.log(new URL("HTTP://h.test:80/").href, new URL("file:///tmp/a b").href);
u.pathname = "/new path"; u.hash = ""; u.port = "443";
console.log(u.href, String(u), JSON.stringify({ u }));
try { new URL("not a url"); } catch (e) { console.log(e.name, e.code); }
try { new URL("/rel", "also bad"); } catch (e) { console.log(e.name, e.code); }
console.log(URL.canParse ? "canParse" : "no canParse", new URL("http://[::1]:3000/").hostname);
