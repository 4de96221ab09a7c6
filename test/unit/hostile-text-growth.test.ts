// The inputs an attack review found quadratic (about 4× the time per doubling), each through the
// function that read it and through a whole analysis: now each must grow linearly. Timings are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core';
import { parsePath } from '../../core/secrets/expressions';
import { isNonSecretValue } from '../../core/secrets/literal';
import { findKnownSecrets } from '../../core/secrets/patterns';
import { splitWords } from '../../core/secrets/secret-keys';
import { hasPlaceholder, placeholderSpans, stripPlaceholders } from '../../core/text/placeholders';
import { describeGrowth, measureGrowth, superLinear } from '../helpers/growth';

/** A definition whose one Pass state carries `value` under `key` in its Parameters. */
const definition = (key: string, value: string) =>
  JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { [key]: value }, End: true } } });
const analyzed = (key: string, value: string) => () => void analyze(definition(key, value), { format: 'json' });

/** Cheap work must reach sizes where its time is measurable; `big` cases go further. */
const CASES: [string, (n: number) => () => void, { big?: boolean }?][] = [
  ['OpenAI key pattern on "sk-" repeated', (n) => () => void findKnownSecrets('sk-'.repeat(n))],
  ['OpenAI key pattern on "sk-proj-" repeated', (n) => () => void findKnownSecrets('sk-proj-'.repeat(n))],
  ['"sk-" repeated in a JSONata string literal, analysed', (n) => analyzed('note', `{% 'x' & '${'sk-'.repeat(n)}' %}`)],
  ['"sk-" repeated under a secret key, analysed', (n) => analyzed('apiKey', 'sk-'.repeat(n))],
  // A new key each time: splitWords caches by key.
  ['splitWords on a long capital key', (n) => () => void splitWords('A'.repeat(n) + '_Aa' + Math.random()), { big: true }],
  ['a long capital key, analysed', (n) => analyzed('K'.repeat(n) + '_Key', 'value')],
  ['[A-Z].*[0-9] on a path-like value', (n) => () => void isNonSecretValue('/' + 'A/'.repeat(n) + 'a'), { big: true }],
  ['a path-like value under a secret key, analysed', (n) => analyzed('password', '/' + 'Ab/'.repeat(n) + 'x')],
  ['placeholders on "${" repeated', (n) => () => void [hasPlaceholder('${'.repeat(n)), placeholderSpans('${'.repeat(n)), stripPlaceholders('${'.repeat(n) + '}')], { big: true }],
  ['"${" repeated, analysed', (n) => analyzed('Resource', '${'.repeat(n))],
  ['parsePath on "$[\'[" repeated', (n) => () => void parsePath("$['[".repeat(n)), { big: true }],
  ['"$[\'[" repeated as a path, analysed', (n) => analyzed('token.$', "$['[".repeat(n))],
  ['"States.MathAdd(" repeated, analysed', (n) => analyzed('i.$', 'States.MathAdd('.repeat(n))],
  ['"{{resolve:ssm:" repeated under a password key, analysed', (n) => analyzed('Password', '{{resolve:ssm:'.repeat(n))],
];

for (const [name, make, { big = false } = {}] of CASES) {
  test(`linear: ${name}`, () => {
    const work = (n: number) => make(n)();
    const sizes = { start: 512, maxN: big ? 1 << 21 : 1 << 17 };
    const growth = superLinear(work, sizes);
    console.log(`  ${name}: ${describeGrowth(growth ?? measureGrowth(work, sizes))}`);
    assert.equal(growth, undefined, growth && describeGrowth(growth));
  });
}
