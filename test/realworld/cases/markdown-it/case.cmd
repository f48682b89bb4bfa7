@NM@/markdown-it/bin/markdown-it.mjs
doc.md
