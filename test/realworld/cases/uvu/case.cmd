@NM@/uvu/bin.js
tests
