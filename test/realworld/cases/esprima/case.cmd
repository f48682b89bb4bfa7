@NM@/esprima/bin/esparse.js
--loc
lib.js
