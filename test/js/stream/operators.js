// Readable helpers: map, filter, take, drop, flatMap, toArray, forEach,
// reduce, some, every, find; argument validation.
const { Readable } = require('stream');
const src = () => Readable.from([1, 2, 3, 4, 5]);
(async () => {
  console.log(await src().map((x) => x * 2).toArray());
  console.log(await src().filter(async (x) => x % 2).toArray());
  console.log(await src().take(2).toArray(), await src().drop(3).toArray());
  console.log(await src().flatMap((x) => [x, x]).take(5).toArray());
  let sum = 0;
  await src().forEach((x) => { sum += x; });
  console.log(sum, await src().reduce((a, b) => a + b, 10), await src().reduce((a, b) => a * b));
  console.log(await src().some((x) => x > 4), await src().every((x) => x > 0), await src().find((x) => x > 2));
  await Readable.from([]).reduce((a, b) => a + b).catch((e) => console.log(e.code, e.message));
  try { src().map(5); } catch (e) { console.log(e.code, e.message); }
  try { src().take(-1); } catch (e) { console.log(e.code, e.message); }
  console.log(typeof Readable.prototype.map, Readable.prototype.map.name);
})();
