// Text the engine prints never carries a known credential in full: messages that quote names and
// values, pointers through secret keys, fix titles that propose a secret-looking state name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../core';
import { redactSecrets } from '../../core/secrets/redact';

const GITHUB = 'ghp_R8x2KqLm9Vt4Wz7Ny3Pb6Hc1Jd5Fg0Se2Ua8';
const AWS_KEY_ID = 'AKIAZ7QW3ERT5YUI2OPL';

test('redactSecrets masks each known format and keeps the text around it', () => {
  assert.equal(redactSecrets(`Next "${GITHUB}" and /States/${AWS_KEY_ID}/x`), 'Next "ghp_…" and /States/AKIA…/x');
  assert.equal(redactSecrets('nothing to hide here'), 'nothing to hide here');
  assert.equal(redactSecrets(''), '');
});

test('no finding prints a credential that sits in a state name, a Next, a key or an unknown field', () => {
  const text = JSON.stringify({
    StartAt: 'Start',
    States: {
      Start: { Type: 'Pass', Next: `${GITHUB.slice(0, -1)}Z` }, // a typo of the state's name, itself a token
      [GITHUB]: { Type: 'Pass', [AWS_KEY_ID]: 1, Parameters: { [`${GITHUB}`]: 'v' }, End: true },
    },
  });
  const { findings } = analyze(text, { format: 'json' });
  assert.ok(findings.some((f) => f.ruleId === 'ASL003' && f.fixes?.length), 'the typo has a fix that proposes the secret-looking name');
  assert.ok(findings.some((f) => f.ruleId === 'ASL006'), 'the unknown field is reported');
  assert.ok(findings.filter((f) => f.messageId === 'knownFormatInKey').length >= 2, 'the keys are reported as credentials');
  for (const f of findings) {
    const printed = [f.message, f.pointer, ...(f.fixes ?? []).map((x) => x.title)].join('\n');
    for (const secret of [GITHUB, AWS_KEY_ID, `${GITHUB.slice(0, -1)}Z`]) assert.ok(!printed.includes(secret.slice(4, -1)), `${f.ruleId} ${f.messageId} prints ${secret.slice(0, 4)}…: ${printed}`);
  }
});
