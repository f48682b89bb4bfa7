// Ajv's documented usage: compile a JSON schema (code generation), validate.
const Ajv = require('ajv');
const ajv = new Ajv({ allErrors: true });
const schema = {
  type: 'object',
  properties: {
    foo: { type: 'integer', minimum: 0 },
    bar: { type: 'string', pattern: '^[a-z]+$' },
    list: { type: 'array', items: { type: 'number' }, uniqueItems: true },
  },
  required: ['foo'],
  additionalProperties: false,
};
const validate = ajv.compile(schema);
for (const data of [{ foo: 1, bar: 'abc' }, { foo: -1, bar: 'ABC', list: [1, 1], extra: true }, {}]) {
  const ok = validate(data);
  console.log(ok, ok ? '' : ajv.errorsText(validate.errors));
  if (!ok) console.log(validate.errors.map((e) => `${e.instancePath} ${e.keyword}`).join('; '));
}
try { ajv.compile({ type: 'nope' }); } catch (e) { console.log(e.message.split('\n')[0]); }
