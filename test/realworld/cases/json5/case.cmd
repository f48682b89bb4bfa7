@NM@/json5/lib/cli.js
-s
2
config.json5
