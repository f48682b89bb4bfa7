@NM@/svgo/bin/svgo
icon.svg
-o
-
