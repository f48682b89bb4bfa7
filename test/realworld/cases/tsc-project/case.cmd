@NM@/typescript/bin/tsc
-p
.
