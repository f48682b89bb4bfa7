@NM@/fast-xml-parser/src/cli/cli.js
data.xml
