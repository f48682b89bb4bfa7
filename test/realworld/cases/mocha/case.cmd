@NM@/mocha/bin/mocha.js
--reporter
tap
test/math.spec.js
