// console.time/timeLog/timeEnd print a label and a duration (on stdout);
// the durations vary, so this checks the shape of each line.
const lines = [];
const orig = process.stdout.write.bind(process.stdout);
process.stdout.write = (s) => { lines.push(String(s)); return true; };
console.time("t"); console.timeLog("t", "extra", 1); console.timeEnd("t");
console.time(); console.timeEnd();
process.stdout.write = orig;
for (const l of lines) console.log(JSON.stringify(l.replace(/\d+(\.\d+)?(ms|s)\b/, "<N>$2")));
