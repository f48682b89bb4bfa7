@NM@/figlet/bin/index.js
Hello devrun
