@NM@/mathjs/bin/cli.js
