@NM@/acorn/bin/acorn
--ecma2022
--module
--compact
sample.mjs
