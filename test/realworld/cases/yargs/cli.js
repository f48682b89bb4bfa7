#!/usr/bin/env node
// yargs' documented example, plus its generated help and validation output.
const yargs = require('yargs/yargs');
const { hideBin } = require('yargs/helpers');

function parser(args) {
  return yargs(args)
    .scriptName('server')
    .command('serve [port]', 'start the server', (y) => y.positional('port', { describe: 'port to bind on', default: 5000 }),
      (argv) => { if (argv.verbose) console.info(`start server on :${argv.port}`); console.log('serving on', argv.port); })
    .option('verbose', { alias: 'v', type: 'boolean', description: 'Run with verbose logging' })
    .option('mode', { choices: ['dev', 'prod'], default: 'dev' })
    .demandCommand(1)
    .strict()
    .wrap(72)
    .exitProcess(false);
}
parser(hideBin(process.argv)).parse();
for (const args of [['--help'], ['serve', '--mode', 'test'], ['serve', '3000', '--mode', 'prod']]) {
  console.log('$ server ' + args.join(' '));
  parser(args).fail((msg) => console.log('error:', msg)).parse(args, {}, (err, argv, output) => {
    if (output) console.log(output);
    console.log('parsed:', JSON.stringify({ port: argv.port, mode: argv.mode, _: argv._ }));
  });
}
