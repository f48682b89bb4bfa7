cli.js
serve
--port
8080
-v
