@NM@/typescript/bin/tsc
--pretty
false
-p
.
