const { suite } = require('uvu');
const assert = require('uvu/assert');
const S = suite('strings');
S('upper', () => { assert.is('a'.toUpperCase(), 'A'); });
S('throws', () => { assert.throws(() => JSON.parse('{'), /JSON/); });
S.run();
