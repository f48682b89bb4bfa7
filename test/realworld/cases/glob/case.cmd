example.mjs
