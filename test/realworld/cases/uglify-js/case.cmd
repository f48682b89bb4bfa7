@NM@/uglify-js/bin/uglifyjs
input.js
-c
-m
--toplevel
