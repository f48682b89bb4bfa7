@NM@/prettier/bin/prettier.cjs
messy.js
messy.css
doc.md
