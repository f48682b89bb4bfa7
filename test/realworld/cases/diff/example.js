// jsdiff documented examples.
const Diff = require('diff');
const one = 'beep boop\nthe quick\nbrown fox\njumps over\n';
const other = 'beep boob blah\nthe quick\nbrown cat\njumps over\nthe lazy dog\n';
console.log(Diff.diffChars('beep boop', 'beep boob blah').map((p) => (p.added ? '+' : p.removed ? '-' : '=') + p.value).join('|'));
console.log(Diff.diffWords('the quick brown fox', 'the slow brown dog').length);
process.stdout.write(Diff.createTwoFilesPatch('a.txt', 'b.txt', one, other, 'old', 'new'));
const patch = Diff.createPatch('a.txt', one, other);
console.log(Diff.applyPatch(one, patch) === other, Diff.parsePatch(patch)[0].hunks.length);
console.log(JSON.stringify(Diff.diffJson({ a: 1, b: [1, 2] }, { a: 1, b: [1, 3], c: true })));
