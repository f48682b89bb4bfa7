// postcss + autoprefixer documented usage (fixed browser list).
const postcss = require('postcss');
const autoprefixer = require('autoprefixer');
const css = '.box { display: flex; user-select: none; transition: transform 1s; }\n::placeholder { color: gray; }\n@media (min-resolution: 2dppx) { .a { background-clip: text; } }\n';
postcss([autoprefixer({ overrideBrowserslist: ['last 4 versions', 'ie 10'] })])
  .process(css, { from: 'in.css', to: 'out.css' })
  .then((r) => {
    console.log(r.css);
    r.warnings().forEach((w) => console.log('warning:', w.toString()));
    const root = postcss.parse('a { color: red; margin: 0 } /* c */');
    root.walkDecls((d) => { d.value = d.value.toUpperCase(); });
    console.log(root.toString(), root.nodes.length);
    try { postcss.parse('a { color: red'); } catch (e) { console.log(e.name, e.reason, e.line, e.column); }
  });
