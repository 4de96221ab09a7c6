// Restricted Mode in the manifest: the extension runs with limited support, and every setting a
// workspace could use to hide findings from the person reviewing it is a restricted configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

/** Settings a workspace may set while untrusted, each with why that is harmless. */
const HARMLESS: Record<string, string> = {
  'aslGuard.trace.server': 'window-scoped logging of the messages between client and server; changes no finding',
};

test('untrusted workspaces: limited support, every other setting is restricted', () => {
  const capability = pkg.capabilities.untrustedWorkspaces;
  assert.equal(capability.supported, 'limited');
  assert.match(capability.description, /\.asl-guard\.json/);
  const settings = Object.keys(pkg.contributes.configuration.properties);
  const restricted: string[] = capability.restrictedConfigurations;
  for (const setting of settings) assert.ok(restricted.includes(setting) !== setting in HARMLESS, `${setting}: restrict it, or say in HARMLESS why a hostile workspace cannot use it`);
  for (const setting of restricted) assert.ok(settings.includes(setting), `${setting} is not a contributed setting`);
});
