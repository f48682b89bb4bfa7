// zod's documented usage: schemas, parse, safeParse, errors, transforms.
const { z } = require('zod');
const User = z.object({
  username: z.string().min(3),
  email: z.string().email(),
  age: z.number().int().positive().optional(),
  role: z.enum(['admin', 'user']).default('user'),
  tags: z.array(z.string()).max(3),
});
console.log(User.parse({ username: 'ada', email: 'ada@example.com', tags: ['x'] }));
const bad = User.safeParse({ username: 'x', email: 'nope', age: -1, tags: ['a', 'b', 'c', 'd'] });
console.log(bad.success, JSON.stringify(bad.error.issues, null, 1));
console.log(bad.error.flatten());
const Num = z.string().transform((s) => Number(s)).pipe(z.number().finite());
console.log(Num.parse('42'), Num.safeParse('abc').success);
const Shape = z.discriminatedUnion('kind', [z.object({ kind: z.literal('circle'), r: z.number() }), z.object({ kind: z.literal('square'), s: z.number() })]);
console.log(Shape.parse({ kind: 'square', s: 2 }));
z.string().parseAsync(5).catch((e) => console.log(e instanceof z.ZodError, e.message));
