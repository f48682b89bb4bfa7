cli.js
split
-s
-
x-y-z
