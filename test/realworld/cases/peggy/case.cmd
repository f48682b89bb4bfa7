@NM@/peggy/bin/peggy.js
--format
commonjs
-o
arith.js
arith.pegjs
