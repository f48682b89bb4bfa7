@NM@/typescript/bin/tsc
--pretty
false
--noEmit
--strict
bad.ts
