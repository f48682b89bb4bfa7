// lodash documented examples.
const _ = require('lodash');
const users = [
  { user: 'barney', age: 36, active: true },
  { user: 'fred', age: 40, active: false },
  { user: 'pebbles', age: 1, active: true },
];
console.log(_.chunk(['a', 'b', 'c', 'd'], 3));
console.log(_.sortBy(users, ['user', 'age']).map((u) => u.user));
console.log(_.groupBy([6.1, 4.2, 6.3], Math.floor));
console.log(_.filter(users, { age: 1, active: true }));
console.log(_.chain(users).sortBy('age').map((o) => o.user + ' is ' + o.age).head().value());
console.log(_.template('hello <%= user %>!')({ user: 'fred' }));
console.log(_.merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] }));
console.log(_.debounce.name, _.isEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), _.cloneDeep(new Map([[1, { x: 1 }]])));
console.log(_.camelCase('Foo Bar'), _.kebabCase('fooBar'), _.startCase('--foo-bar--'), _.pad('abc', 8, '_-'));
const memo = _.memoize((n) => (n < 2 ? n : memo(n - 1) + memo(n - 2)));
console.log(memo(80), _.range(0, 20, 5), _.zipObject(['a', 'b'], [1, 2]));
console.log(_.VERSION);
