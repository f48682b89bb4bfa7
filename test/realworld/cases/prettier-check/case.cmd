@NM@/prettier/bin/prettier.cjs
--check
good.js
messy.js
