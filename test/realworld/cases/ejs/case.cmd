@NM@/ejs/bin/cli.js
-f
data.json
page.ejs
