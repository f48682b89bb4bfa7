@NM@/tape/bin/tape
test.js
