import { add, unused } from './math.js';
import greet, { VERSION } from './greet.js';
export const result = add(2, 3);
console.log(greet('rollup'), VERSION, result);
