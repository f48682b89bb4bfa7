@NM@/terser/bin/terser
input.js
--compress
passes=2
--mangle
--toplevel
