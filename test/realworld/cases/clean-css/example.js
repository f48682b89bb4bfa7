// clean-css documented usage: minify with level 2 optimisations.
const CleanCSS = require('clean-css');
const input = 'a { color: #ff0000; margin: 0px 0px 0px 0px; }\n a { background: url("x.png") }\n.b{font-weight:bold;font-weight:normal}\n@media screen { .c { padding: 10px 10px 10px 10px } }';
const out = new CleanCSS({ level: 2 }).minify(input);
console.log(out.styles);
console.log(out.errors, out.warnings, out.stats.originalSize, out.stats.minifiedSize);
console.log(new CleanCSS().minify('a{color:red;}}').warnings);
