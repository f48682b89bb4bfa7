@NM@/eslint/bin/eslint.js
--fix-dry-run
--format
json
src/app.js
