// webpack's documented Node API: run a compiler, print the stats, run the bundle.
const webpack = require('webpack');
const path = require('path');
const fs = require('fs');
const compiler = webpack({
  mode: 'production',
  context: __dirname,
  entry: './src/main.js',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'bundle.js' },
  optimization: { minimize: false },
  devtool: false,
});
compiler.run((err, stats) => {
  if (err) { console.error(err); process.exitCode = 1; return; }
  const info = stats.toJson({ all: false, assets: true, errors: true, warnings: true, modules: true });
  console.log(stats.hasErrors(), info.errors.length, info.warnings.length);
  console.log(info.assets.map((a) => `${a.name} ${a.size}`));
  console.log(info.modules.map((m) => m.name).sort());
  compiler.close(() => {
    require('./dist/bundle.js');
    console.log(fs.readFileSync('dist/bundle.js', 'utf8').split('\n').length, 'lines');
  });
});
