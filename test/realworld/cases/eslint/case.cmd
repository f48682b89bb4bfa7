@NM@/eslint/bin/eslint.js
--no-color
src
