// csv-parse documented examples: the sync API and the stream API.
const fs = require('fs');
const { parse } = require('csv-parse');
const { parse: parseSync } = require('csv-parse/sync');

const records = parseSync(fs.readFileSync('data.csv'), { columns: true, cast: true, skip_empty_lines: true });
console.log(JSON.stringify(records, null, 2));

const rows = [];
fs.createReadStream('data.csv', { highWaterMark: 7 })
  .pipe(parse({ from_line: 2 }))
  .on('data', (r) => rows.push(r))
  .on('error', (e) => console.log('error', e.message))
  .on('end', () => {
    console.log('stream rows:', rows.length, JSON.stringify(rows[2]));
    try { parseSync('a,b\n1,2,3\n'); } catch (e) { console.log(e.code); }
  });
