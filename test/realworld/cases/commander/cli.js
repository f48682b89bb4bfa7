// commander's documented "string-util" example, run with several command lines.
const { Command } = require('commander');

function build(out) {
  const program = new Command();
  program.exitOverride().configureOutput({ writeOut: out, writeErr: out });
  program.name('string-util').description('CLI to some JavaScript string utilities').version('0.8.0');
  program.command('split')
    .description('Split a string into substrings and display as an array')
    .argument('<string>', 'string to split')
    .option('--first', 'display just the first substring')
    .option('-s, --separator <char>', 'separator character', ',')
    .action((str, options) => {
      const limit = options.first ? 1 : undefined;
      out(JSON.stringify(str.split(options.separator, limit)) + '\n');
    });
  return program;
}
const out = (s) => process.stdout.write(s);
for (const argv of [['--help'], ['help', 'split'], ['split', '--separator=/', 'a/b/c'], ['split', '--first', 'a,b,c'], ['--version'], ['split'], ['bogus']]) {
  out('$ string-util ' + argv.join(' ') + '\n');
  try { build(out).parse(argv, { from: 'user' }); } catch (e) { out(`[exit ${e.exitCode}: ${e.code}]\n`); }
}
build(out).parse(process.argv);
