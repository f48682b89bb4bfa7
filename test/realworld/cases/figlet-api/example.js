// figlet's documented API: fonts loaded from files, sync and async, layout options.
const figlet = require('figlet');
console.log(figlet.textSync('Boo!', { font: 'Ghost', horizontalLayout: 'default' }));
console.log(figlet.textSync('Real programs', { font: 'Slant', width: 60, whitespaceBreak: true }));
figlet.text('async', { font: 'Small' }, (err, data) => {
  if (err) throw err;
  console.log(data);
  figlet.fonts((e, fonts) => {
    console.log(fonts.length, fonts.includes('Standard'));
    // figlet both calls back with the error and leaves its promise rejected:
    // an unhandled rejection, exit 1.
    figlet.text('x', { font: 'No Such Font' }, (e2) => console.log('error:', e2 && e2.code));
  });
});
