// The CLI sets one V8 flag for itself, only on Node versions known to have it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { setV8Flags } from '../../cli/src/v8-flags';

test('the flag is set on Node 20 to 24 only', () => {
  assert.equal(setV8Flags('25.0.0'), false);
  assert.equal(setV8Flags('18.19.0'), false);
  assert.equal(setV8Flags('not a version'), false);
  assert.equal(setV8Flags('20.20.2'), true);
  assert.equal(setV8Flags('24.1.0'), true);
});

test('this Node knows the flag: setting it prints no "unrecognized flag" error', () => {
  const run = spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString('--interrupt-budget=262144')"], { encoding: 'utf8' });
  assert.equal(run.status, 0);
  assert.equal(run.stderr + run.stdout, '');
  const unknown = spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString('--no-such-flag-asl-guard')"], { encoding: 'utf8' });
  assert.match(unknown.stderr + unknown.stdout, /unrecognized flag/, 'the check above would see an unknown flag');
});
