// glob's documented usage (async, sync, stream, withFileTypes, ignore).
import { glob, globSync, globStream } from 'glob';
const ignore = ['node_modules/**', 'vendor/**'];
const sorted = (xs) => [...xs].sort();
console.log(sorted(await glob('**/*.{js,md}', { ignore })));
console.log(sorted(globSync('a/**/*', { nodir: true, posix: true })));
console.log(sorted((await glob('**/*.js', { ignore, withFileTypes: true })).map((p) => `${p.name} ${p.isFile()} ${p.relative()}`)));
const streamed = [];
for await (const f of globStream('docs/*', { dot: true })) streamed.push(f);
console.log(sorted(streamed), await glob('nothing/**'));
