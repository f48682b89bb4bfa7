@NM@/rollup/dist/bin/rollup
src/main.js
--format
cjs
--no-treeshake.moduleSideEffects
