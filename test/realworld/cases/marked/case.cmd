@NM@/marked/bin/marked.js
-i
doc.md
