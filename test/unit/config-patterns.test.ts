// Globs in rule options (core/config/patterns.ts): their meaning against a reference matcher, the
// limits a configuration is held to, and that a hostile pattern on a long key costs milliseconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, listRules, loadConfig } from '../../core';
import { globToRegexSource, MAX_ENTRY_LENGTH, MAX_LIST_ENTRIES, PATTERN_OPTIONS, WORD_OPTIONS } from '../../core/config/patterns';
import { describeGrowth, measureGrowth, superLinear } from '../helpers/growth';

/** What the rules do with an entry (core/secrets/literal.ts compileAll). */
const matches = (glob: string, text: string) => new RegExp(globToRegexSource(glob), 'i').test(text);

/** A textbook glob matcher (dynamic programming over both strings): the reference. */
function reference(glob: string, text: string): boolean {
  const g = glob.toLowerCase(), t = text.toLowerCase();
  let row = new Array<boolean>(t.length + 1).fill(false);
  row[0] = true;
  for (const c of g) {
    const next = new Array<boolean>(t.length + 1).fill(false);
    if (c === '*') {
      next[0] = row[0];
      for (let j = 1; j <= t.length; j++) next[j] = row[j] || next[j - 1];
    } else {
      for (let j = 1; j <= t.length; j++) next[j] = row[j - 1] && (c === '?' || c === t[j - 1]);
    }
    row = next;
  }
  return row[t.length];
}

test('a glob matches the whole text, ignoring case: * any run, ? one character, the rest literally', () => {
  assert.equal(matches('x-partner-sig', 'X-Partner-Sig'), true);
  assert.equal(matches('x-partner-sig', 'x-partner-signature'), false, 'whole text, not a substring');
  assert.equal(matches('*_sig', 'partner_sig'), true);
  assert.equal(matches('*_sig', 'partner_sig2'), false);
  assert.equal(matches('local-test-*', 'local-test-password-1'), true);
  assert.equal(matches('a*b*c', 'aXbYc'), true);
  assert.equal(matches('a*b*c', 'acb'), false);
  assert.equal(matches('a?c', 'abc'), true);
  assert.equal(matches('a?c', 'ac'), false);
  assert.equal(matches('**', ''), true);
  assert.equal(matches('', ''), true);
  assert.equal(matches('', 'a'), false);
  // Regular-expression characters are themselves.
  assert.equal(matches('a.b', 'a.b'), true);
  assert.equal(matches('a.b', 'axb'), false);
  assert.equal(matches('^(a+)+$', '^(a+)+$'), true);
  assert.equal(matches('^(a+)+$', 'aaaa'), false);
  assert.equal(matches('p[0]|\\d{2}/', 'P[0]|\\D{2}/'), true);
  assert.equal(matches('x\ny', 'x\ny'), true);
  assert.equal(matches('a*', 'a\nb'), true, '* crosses line breaks');
});

test('globs give the reference matcher\'s answers on random globs and texts', () => {
  const char = fc.constantFrom('a', 'b', 'A', '*', '?', '.', '\\', '(', '$', '^', '\n');
  const text = fc.constantFrom('a', 'b', 'A', 'B', '.', '\\', '(', '$', '\n', '*');
  fc.assert(
    fc.property(fc.array(char, { maxLength: 8 }), fc.array(text, { maxLength: 12 }), (g, t) => {
      const glob = g.join(''), value = t.join('');
      assert.equal(matches(glob, value), reference(glob, value), `${JSON.stringify(glob)} on ${JSON.stringify(value)}`);
    }),
    { seed: 18, numRuns: 5000 },
  );
});

test('every string[] option of the catalog is classified as globs or as words', () => {
  for (const rule of listRules()) {
    for (const [name, spec] of Object.entries(rule.options)) {
      if (spec.type !== 'string[]') continue;
      const glob = PATTERN_OPTIONS[rule.code]?.includes(name) ?? false;
      const word = WORD_OPTIONS[rule.code]?.includes(name) ?? false;
      assert.ok(glob !== word, `${rule.code} ${name}: add it to PATTERN_OPTIONS (compiled into a RegExp by the rule) or WORD_OPTIONS`);
    }
  }
  for (const [code, names] of Object.entries({ ...PATTERN_OPTIONS, ...WORD_OPTIONS })) {
    const rule = listRules().find((r) => r.code === code);
    for (const name of names) assert.equal(rule?.options[name]?.type, 'string[]', `${code} ${name} exists and is a string[]`);
  }
});

/** A Pass state whose Parameters hold one key: SEC001 classifies every key it sees. */
const machineWithKey = (key: string, value = 'x') => JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { [key]: value }, End: true } } });

test('the catastrophic regex of the attack review is a literal glob now: a 31-character key takes milliseconds, not 71 s', () => {
  const { config, problems } = loadConfig({ rules: { SEC001: { options: { extraKeys: ['^(a+)+$'] } }, SEC003: { options: { extraNames: ['(x+x+)+y'] } } } });
  assert.equal(problems.length, 2);
  assert.match(problems[0], /SEC001: option "extraKeys": "\^\(a\+\)\+\$" looks like a regular expression, but entries are globs/);
  for (const length of [31, 10_000]) {
    const text = machineWithKey(`${'a'.repeat(length - 1)}!`);
    const started = performance.now();
    analyze(text, { format: 'json', config });
    const ms = performance.now() - started;
    assert.ok(ms < 250, `a ${length}-character key took ${ms.toFixed(0)} ms`);
  }
});

test('a compiled glob runs in linear time on hostile keys (the atomic middle segments)', () => {
  // Many stars over text that matches every segment but the last: a backtracking translation
  // (`.*a.*a.*…b`) is polynomial of the star count here.
  const re = new RegExp(globToRegexSource(`*${'a*'.repeat(20)}b`), 'i');
  const work = (n: number) => void re.test('a'.repeat(n));
  const growth = superLinear(work, { start: 4096, maxN: 1 << 22 });
  console.log(`  *a*a*…*b on a…a: ${describeGrowth(growth ?? measureGrowth(work, { start: 4096, maxN: 1 << 22 }))}`);
  assert.equal(growth, undefined, `super-linear: ${growth && describeGrowth(growth)}`);
});

test('a config is bounded: at most 32 entries of at most 128 characters per option', () => {
  const many = Array.from({ length: MAX_LIST_ENTRIES + 8 }, (_, i) => `key${i}`);
  const long = 'k'.repeat(MAX_ENTRY_LENGTH + 1);
  const { config, problems } = loadConfig({ rules: { SEC001: { options: { extraKeys: many } }, SEC006: { options: { referenceSuffixes: [long, 'Handle'] } } } });
  assert.equal((config.options.get('SEC001')?.extraKeys as string[]).length, MAX_LIST_ENTRIES);
  assert.deepEqual(config.options.get('SEC006')?.referenceSuffixes, ['Handle'], 'words are kept as words, the long one dropped');
  assert.deepEqual(problems, [
    `Rule SEC001: option "extraKeys" has ${MAX_LIST_ENTRIES + 8} entries; only the first ${MAX_LIST_ENTRIES} are used.`,
    `Rule SEC006: option "referenceSuffixes": an entry of ${MAX_ENTRY_LENGTH + 1} characters is longer than ${MAX_ENTRY_LENGTH}; it is ignored.`,
  ]);
  assert.match(loadConfig({ rules: { QUO005: { options: { maxAttempts: Number.NaN } } } }).problems[0], /must be a finite number/);
});

test('through the rules: extraKeys and extraNames globs find more, allowValues globs silence', () => {
  const findings = (text: string, rules: unknown) => analyze(text, { format: 'json', config: loadConfig({ rules }).config }).findings.map((f) => f.ruleId);
  const partner = machineWithKey('X-Partner-Sig', 'q8Zr2LmP0wXv7Ks1');
  assert.deepEqual(findings(partner, {}), []);
  assert.deepEqual(findings(partner, { SEC001: { options: { extraKeys: ['x-partner-*'] } } }), ['SEC001']);
  assert.deepEqual(findings(partner, { SEC001: { options: { extraKeys: ['x-partner'] } } }), [], 'a glob is not a substring search');
  const password = machineWithKey('password', 'local-test-password-1');
  assert.deepEqual(findings(password, {}), ['SEC001']);
  assert.deepEqual(findings(password, { SEC001: { options: { allowValues: ['LOCAL-TEST-*'] } } }), []);
  const flow = JSON.stringify({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f', 'Payload.$': '$.partnerSig' }, End: true } } });
  assert.deepEqual(findings(flow, {}), []);
  assert.deepEqual(findings(flow, { SEC003: { options: { extraNames: ['partner*'] } } }), ['SEC003']);
});
