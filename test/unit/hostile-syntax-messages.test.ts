// Syntax-error messages (ASL001) never quote file text beyond a masked prefix: a parser that stops
// next to a credential, or inside an unterminated string holding one, must not print it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze } from '../../core';
import { SOURCE_QUOTING_TEMPLATES } from '../../core/parse/yaml-messages';

const AWS_KEY_ID = 'AKIAIOSFODNN7EXAMPLQ';
const GITHUB_TOKEN = 'ghp_' + 'aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6';
const PASSWORD = 'correct-horse-battery-staple';
const SECRETS = [AWS_KEY_ID, GITHUB_TOKEN, PASSWORD];

/** The first place `message` holds five characters in a row of `secret`, or undefined. */
function leak(message: string, secret: string): string | undefined {
  for (let i = 0; i + 5 <= secret.length; i++) if (message.includes(secret.slice(i, i + 5))) return secret.slice(i, i + 5);
  return undefined;
}

function assertNoLeak(text: string, format: 'json' | 'yaml'): void {
  const messages = analyze(text, { format }).findings.filter((f) => f.ruleId === 'ASL001').map((f) => f.message);
  assert.ok(messages.length > 0, `a syntax error is reported for ${JSON.stringify(text)}`);
  for (const message of messages) for (const secret of SECRETS) assert.equal(leak(message, secret), undefined, `${JSON.stringify(message)} quotes the secret`);
}

const pass = (result: string) => `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": ${result}, "End": true}}}`;

test('JSON: an unquoted key id, unterminated strings with a token or a password, a secret before a missing comma', () => {
  const cases = [
    pass(`{"key": ${AWS_KEY_ID}}`),
    pass(`{${AWS_KEY_ID}: 1}`),
    `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"token": "${GITHUB_TOKEN}`,
    `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"password": "${PASSWORD}`,
    pass(`{"password": "${PASSWORD}" "next": 1}`),
    pass(`{"token": "${GITHUB_TOKEN}\u0001"}`),
    pass(`{"key": "${AWS_KEY_ID}\\q"}`),
    pass(`{"n": 12${AWS_KEY_ID}}`),
    `${GITHUB_TOKEN}`,
    `/* ${PASSWORD}`,
  ];
  for (const text of cases) assertNoLeak(text, 'json');
});

const yamlState = (result: string) => `StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n    Result:\n${result}`;

test('YAML: unterminated quotes, tags, directives, escapes, block scalar headers and stray tokens next to a secret', () => {
  const cases = [
    yamlState(`      token: "${GITHUB_TOKEN}\n`),
    yamlState(`      password: '${PASSWORD}\n`),
    yamlState(`      key: ${AWS_KEY_ID}: x\n`),
    yamlState(`      ${AWS_KEY_ID}\n      k: 1\n`),
    yamlState(`      key: "\\U${AWS_KEY_ID}"\n`),
    yamlState(`      key: "\\x${AWS_KEY_ID}"\n`),
    yamlState(`      key: |${AWS_KEY_ID}\n        text\n`),
    yamlState(`      key: !e!${AWS_KEY_ID} x\n`),
    yamlState(`      key: !<${PASSWORD}> x\n      bad: [\n`),
    `%YAML ${AWS_KEY_ID}\n---\nStartAt: A\n`,
    `%TAG ${GITHUB_TOKEN}\n---\nStartAt: A\n`,
    yamlState(`      key: !<${GITHUB_TOKEN} x\n`),
    yamlState(`      key: &${GITHUB_TOKEN} *x\n`),
    `- a\nb: ${AWS_KEY_ID}\n`,
    `a: 1\n${GITHUB_TOKEN}\n`,
    `key: !!omap\n  - ${PASSWORD}: 1\n  - ${PASSWORD}: 2\n`,
  ];
  for (const text of cases) assertNoLeak(text, 'yaml');
});

test('messages still say where and what: punctuation is quoted, a short escape too', () => {
  const json = analyze(pass('{"a": 1,}}'), { format: 'json' }).findings.filter((f) => f.ruleId === 'ASL001');
  assert.ok(json.some((f) => /near `}`/.test(f.message)), JSON.stringify(json.map((f) => f.message)));
  const yaml = analyze(yamlState('      key: "\\q"\n'), { format: 'yaml' }).findings.filter((f) => f.ruleId === 'ASL001');
  assert.deepEqual(yaml.map((f) => f.message), ['Invalid escape sequence \\q']);
  const masked = analyze(pass(`{"key": ${AWS_KEY_ID}}`), { format: 'json' }).findings.filter((f) => f.ruleId === 'ASL001');
  assert.ok(masked.some((f) => f.message === 'Invalid symbol near `AKIA…`.'), JSON.stringify(masked.map((f) => f.message)));
});

/** Templates of the installed yaml package whose interpolations are not source text. */
const NAMES_NO_SOURCE = new Set([
  '${} used for ${} collection, but expects ${}', // known tag names and collection kinds
  'Anchors and tags must be after the ${} indicator', // an indicator character
  'Expected a flow scalar value, but found: ${}', // token types
  'Missing , between ${} items', // "flow map" or "flow sequence"
  'Missing , or : between ${} items',
  'Missing space after : in ${}',
  'Plain value cannot start with ${}', // one indicator character
  'Unexpected ${} at node end',
  'Unexpected ${} in ${}', // an indicator character, a collection kind
  'Unexpected ${} token',
  'Unexpected ${} token in YAML stream',
  'Unexpected ${} token in YAML document',
  'Unexpected , in ${}',
  'Unexpected empty item in ${}',
  'Unsupported token ${}',
  'Unsupported token (type: ${})',
  'Value may be parsed as either ${} or ${}', // schema tag names
  'Block scalar lines must not be less indented than their ${}', // "first line" or "explicit indentation indicator"
  'Unexpected token in block scalar header: ${}', // a token type
  '${} must end with a ${}', // "Flow map" / "Flow sequence" and its bracket
  '${}: ${}', // an error token's message and its JSON-quoted source: masked apart
]);

test('every message template of the installed yaml package that interpolates is known to quote no source text, or is masked', () => {
  const dist = join(dirname(require.resolve('yaml/package.json')), 'dist');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.js')) files.push(path);
    }
  };
  walk(dist);
  const masked = new Set(SOURCE_QUOTING_TEMPLATES.map(([prefix, suffix]) => `${prefix}\${}${suffix}`));
  const found = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:onError\(|YAMLParseError\(|YAMLWarning\(|message\s*[:=]|msg\s*=)[^`;]*?`([^`]*\$\{[^`]*)`/g)) {
      found.add(match[1].replace(/\$\{[^}]*\}/g, '${}'));
    }
  }
  assert.ok(found.size >= 20, `only ${found.size} templates found: has the package's layout changed?`);
  const unknown = [...found].filter((t) => !masked.has(t) && !NAMES_NO_SOURCE.has(t));
  assert.deepEqual(unknown, [], 'templates neither masked (core/parse/yaml-messages.ts) nor known to quote no source');
});
