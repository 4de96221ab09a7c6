// The real-VS-Code toolchain install must not see the calling npm's environment: run from `npm run`,
// npm_config_user_agent names the calling Node, and code-server's postinstall refuses to install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', 'e2e', 'lib', 'without-npm-env.sh');

test('without-npm-env.sh leaves no variable of a calling npm run, but keeps how to reach the registry', () => {
  const inherited = {
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_config_nodedir: '/usr',
    npm_config_prefix: '/usr',
    npm_config_local_prefix: '/repo',
    npm_package_name: 'asl-guard',
    npm_lifecycle_event: 'test:e2e',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    npm_node_execpath: '/usr/bin/node',
    NODE: '/usr/bin/node',
    INIT_CWD: '/repo',
    npm_config_registry: 'https://registry.example/',
    npm_config_cafile: '/etc/ssl/ca.pem',
  };
  const run = spawnSync('bash', ['-c', `source "${SCRIPT}" && env`], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...inherited }, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const left = run.stdout.split('\n').filter((line) => /^(npm_|NODE=|INIT_CWD=)/.test(line)).sort();
  assert.deepEqual(left, ['npm_config_cafile=/etc/ssl/ca.pem', 'npm_config_registry=https://registry.example/']);
});

test('setup.sh sources it before any install', () => {
  const setup = readFileSync(join(__dirname, '..', 'e2e', 'setup.sh'), 'utf8');
  const sourced = setup.indexOf('lib/without-npm-env.sh');
  assert.ok(sourced > 0, 'setup.sh sources without-npm-env.sh');
  assert.ok(sourced < setup.indexOf('npm install'), 'before the first npm install');
});
