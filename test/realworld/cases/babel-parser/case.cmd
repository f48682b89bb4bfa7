@NM@/@babel/parser/bin/babel-parser.js
sample.js
