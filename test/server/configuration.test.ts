// Configuration over LSP: settings pulled with workspace/configuration after didChangeConfiguration,
// `.asl-guard.json` in the workspace folder, settings pushed by clients without workspace/configuration,
// and unknown setting values (a clear message, never a crash).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, MessageType } from 'vscode-languageserver-protocol/node';
import { TestClient } from './lsp-client';
import { TYPO } from './samples';

const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => d.code);

test('a settings change re-validates open documents and can turn a rule off or change its severity', async () => {
  const client = await TestClient.start();
  try {
    const uri = 'file:///tmp/settings.asl.json';
    await client.open(uri, TYPO);
    assert.ok(codes(await client.diagnosticsFor(uri, 1)).includes('ASL003'));
    assert.ok(client.registrations.includes('workspace/didChangeConfiguration'), `registered: ${client.registrations}`);
    const before = client.published.length;
    await client.changeSettings({ rules: { ASL003: 'off', 'unreachable-state': 'warning' } });
    const after = await client.waitFor(() => client.published.slice(before).find((p) => p.uri === uri), 're-validation after the settings change');
    assert.ok(!codes(after).includes('ASL003'), `ASL003 should be off: ${codes(after)}`);
    const unreachable = after.diagnostics.find((d) => d.code === 'ASL004');
    assert.equal(unreachable?.severity, 2, 'unreachable-state (by name) set to warning');
    assert.deepEqual(client.messages, []);
  } finally {
    await client.stop();
  }
});

test('unknown setting values: a clear message, defaults used, the server keeps answering', async () => {
  const client = await TestClient.start({ settings: { rules: { ASL003: 'loud', NOPE999: 'off' }, workflowType: 'FAST' } });
  try {
    const uri = 'file:///tmp/bad-settings.asl.json';
    await client.open(uri, TYPO);
    const published = await client.diagnosticsFor(uri, 1);
    assert.ok(codes(published).includes('ASL003'), 'an invalid level keeps the rule at its default');
    const message = await client.waitFor(() => client.messages.find((m) => /settings/.test(m.message)), 'a settings problem message');
    assert.equal(message.type, MessageType.Warning);
    assert.match(message.message, /ASL003: level must be one of error, warning, info, hint, off, not "loud"/);
    assert.match(message.message, /Unknown rule "NOPE999"/);
    assert.match(message.message, /workflowType must be "STANDARD" or "EXPRESS", not "FAST"/);
    // Settings of the wrong shape entirely.
    await client.changeSettings('not an object');
    await client.changeSettings({ rules: ['ASL003'] });
    await client.waitFor(() => client.messages.some((m) => /"rules" must be an object/.test(m.message)), 'the rules-shape message');
    const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.equal(symbols?.length, 2);
    assert.ok(client.alive);
    // Each distinct problem is shown once, not on every re-validation.
    const shown = client.messages.filter((m) => /not "loud"/.test(m.message)).length;
    assert.equal(shown, 1);
  } finally {
    await client.stop();
  }
});

test('.asl-guard.json in the workspace folder applies, settings win over it, and a broken file is reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'asl-guard-lsp-'));
  try {
    writeFileSync(join(dir, '.asl-guard.json'), '{ // comments are fine\n "rules": { "ASL003": "off", "ASL004": "info" } }');
    const folder = pathToFileURL(dir).href;
    const client = await TestClient.start({ workspaceFolders: [{ uri: folder, name: 'ws' }], settings: { rules: { ASL004: 'hint' } } });
    try {
      const uri = `${folder}/machine.asl.json`;
      await client.open(uri, TYPO);
      const first = await client.diagnosticsFor(uri, 1);
      assert.ok(!codes(first).includes('ASL003'), 'the file turns ASL003 off');
      assert.equal(first.diagnostics.find((d) => d.code === 'ASL004')?.severity, 4, 'the setting (hint) wins over the file (info)');
      // A document outside the folder does not get the folder's file.
      await client.open('file:///elsewhere/machine.asl.json', TYPO);
      assert.ok(codes(await client.diagnosticsFor('file:///elsewhere/machine.asl.json', 1)).includes('ASL003'));

      writeFileSync(join(dir, '.asl-guard.json'), '{ "rules": ');
      const before = client.published.length;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${folder}/.asl-guard.json`, type: 2 }] });
      const after = await client.waitFor(() => client.published.slice(before).find((p) => p.uri === uri), 're-validation after the file changed');
      assert.ok(codes(after).includes('ASL003'), 'a broken file is ignored');
      const message = await client.waitFor(() => client.messages.find((m) => /\.asl-guard\.json/.test(m.message)), 'the file problem');
      assert.match(message.message, /is not valid JSON/);
      assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'));
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a client without workspace/configuration: settings from initializationOptions and the didChangeConfiguration payload', async () => {
  const client = await TestClient.start({ configuration: false, initializationOptions: { settings: { rules: { ASL004: 'off' } } } });
  try {
    const uri = 'file:///tmp/pushed.asl.json';
    await client.open(uri, TYPO);
    const first = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(codes(first), ['ASL003']);
    const before = client.published.length;
    await client.changeSettings(undefined, { aslGuard: { rules: { ASL003: 'off' } } });
    const after = await client.waitFor(() => client.published.slice(before).find((p) => p.uri === uri), 're-validation');
    assert.deepEqual(codes(after), ['ASL004']);
  } finally {
    await client.stop();
  }
});

test('pull client: a settings change asks the client to refresh and changes the result id', async () => {
  const client = await TestClient.start({ pull: true });
  let refreshed = 0;
  client.connection.onRequest('workspace/diagnostic/refresh', () => void refreshed++);
  try {
    const uri = 'file:///tmp/pull-settings.asl.json';
    await client.open(uri, TYPO);
    const first = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { resultId: string; items: { code: string }[] };
    assert.ok(first.items.some((d) => d.code === 'ASL003'));
    const before = refreshed;
    await client.changeSettings({ rules: { ASL003: 'off' } });
    // workspace/diagnostic/refresh is a request, so there is no notification to wait on: poll.
    for (let i = 0; i < 100 && refreshed === before; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(refreshed, before + 1, 'the server asked the client to re-pull once');
    const second = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId }) as { kind: string; resultId: string; items: { code: string }[] };
    assert.equal(second.kind, 'full');
    assert.ok(!second.items.some((d) => d.code === 'ASL003'));
  } finally {
    await client.stop();
  }
});

test('pull client: a didChangeConfiguration with the same settings changes nothing; only a real change refreshes', async () => {
  const client = await TestClient.start({ pull: true });
  let refreshed = 0;
  client.connection.onRequest('workspace/diagnostic/refresh', () => void refreshed++);
  try {
    const uri = 'file:///tmp/pull-same-settings.asl.json';
    await client.open(uri, TYPO);
    const first = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { resultId: string };
    // What VS Code sends when the server registers for configuration changes: the settings it already has.
    await client.changeSettings(client.settings);
    await client.changeSettings({ rules: { ASL003: 'warning' } });
    for (let i = 0; i < 100 && refreshed === 0; i++) await new Promise((r) => setTimeout(r, 50));
    // Only the real change refreshed: one refresh, and the log says so once.
    assert.equal(refreshed, 1);
    assert.equal(client.logs.filter((l) => /Configuration changed/.test(l)).length, 1);
    const second = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId }) as { resultId: string };
    assert.notEqual(second.resultId, first.resultId);
  } finally {
    await client.stop();
  }
});

test('a hostile .asl-guard.json (a link to /dev/zero, 10^5 levels deep, a link out of the folder): a message, default rules, the server keeps answering', { skip: process.platform === 'win32' && 'POSIX links' }, async () => {
  const outside = mkdtempSync(join(tmpdir(), 'asl-guard-lsp-outside-'));
  writeFileSync(join(outside, 'asl-guard.json'), '{ "rules": { "ASL003": "off" } }');
  const cases: [string, (path: string) => void, RegExp][] = [
    ['/dev/zero', (path) => symlinkSync('/dev/zero', path), /\.asl-guard\.json: is a symbolic link to a file outside the workspace folder; it is not followed; it is ignored\./],
    ['deep', (path) => writeFileSync(path, `{"rules": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`), /\.asl-guard\.json: is nested more than 64 levels deep at line 1, column 74; it is ignored\./],
    ['link out', (path) => symlinkSync(join(outside, 'asl-guard.json'), path), /is a symbolic link to a file outside the workspace folder/],
  ];
  try {
    for (const [name, make, message] of cases) {
      const dir = mkdtempSync(join(tmpdir(), 'asl-guard-lsp-'));
      try {
        make(join(dir, '.asl-guard.json'));
        const folder = pathToFileURL(dir).href;
        const client = await TestClient.start({ workspaceFolders: [{ uri: folder, name: 'ws' }] });
        try {
          const uri = `${folder}/machine.asl.json`;
          await client.open(uri, TYPO);
          const published = await client.diagnosticsFor(uri, 1);
          assert.ok(codes(published).includes('ASL003'), `${name}: the file is ignored, the rules run at their defaults`);
          const shown = await client.waitFor(() => client.messages.find((m) => /\.asl-guard\.json/.test(m.message)), `${name}: the problem message`);
          assert.match(shown.message, message, name);
          assert.equal(shown.type, MessageType.Warning);
          assert.ok(client.alive, name);
        } finally {
          await client.stop();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});

test('Restricted Mode: an untrusted workspace\'s .asl-guard.json is not read until the client says it is trusted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'asl-guard-lsp-'));
  try {
    writeFileSync(join(dir, '.asl-guard.json'), '{ "rules": { "ASL003": "off" } }');
    const folder = pathToFileURL(dir).href;
    const client = await TestClient.start({ workspaceFolders: [{ uri: folder, name: 'ws' }], initializationOptions: { workspaceTrusted: false } });
    try {
      const uri = `${folder}/machine.asl.json`;
      await client.open(uri, TYPO);
      const untrusted = await client.diagnosticsFor(uri, 1);
      assert.ok(codes(untrusted).includes('ASL003'), 'the file that turns ASL003 off is ignored');
      assert.ok(client.logs.some((l) => /Restricted Mode: \.asl-guard\.json in the workspace folders is not read/.test(l)), client.logs.join('\n'));
      assert.deepEqual(client.messages, [], 'no pop-up for it');
      // What the VS Code client sends from onDidGrantWorkspaceTrust.
      const before = client.published.length;
      await client.connection.sendNotification('asl/workspaceTrust', { trusted: true });
      const trusted = await client.waitFor(() => client.published.slice(before).find((p) => p.uri === uri), 're-validation after trust was granted');
      assert.ok(!codes(trusted).includes('ASL003'), `the file applies once trusted: ${codes(trusted)}`);
      // A malformed notification changes nothing and breaks nothing.
      await client.connection.sendNotification('asl/workspaceTrust', { trusted: 'yes' });
      await client.connection.sendNotification('asl/workspaceTrust', null);
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.equal(symbols?.length, 2);
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
