// Extension-host integration tests: run INSIDE VS Code (test/electron, @vscode/test-electron) or
// code-server (test/e2e) as `extensionTestsPath`; `run()` drives the real extension through the
// vscode API. Self-contained: it writes its documents to a temp folder, downloads nothing.
import * as vscode from 'vscode';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NESTED, POLICY, TYPO } from '../server/samples';
import { STARTUP_TIMINGS_COMMAND, type StartupTimings } from '../../client/src/startup-timing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(25);
  }
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const diagnosticsWith = (uri: vscode.Uri, code: string) => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
const documentFor = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** The cases, in order; each gets the folder with the documents. */
const CASES: [string, (dir: string) => Promise<void>][] = [
  // First, so that it sees a cold window: nothing of ASL Guard has run before this document opens.
  ['start-up: the first ASL document gets diagnostics, and activation → first diagnostics is recorded', async (dir) => {
    const uri = vscode.Uri.file(join(dir, 'startup.asl.json'));
    await open(uri);
    await waitFor('the first diagnostics', () => diagnosticsWith(uri, 'ASL003').length > 0);
    const timings = await waitFor('the start-up timings', async () => {
      const t = await vscode.commands.executeCommand<StartupTimings | undefined>(STARTUP_TIMINGS_COMMAND);
      return t?.documents[uri.toString()] !== undefined && t;
    });
    const { serverStarting, serverReady, firstDiagnostics } = timings;
    assert.ok(serverStarting !== undefined && serverReady !== undefined && firstDiagnostics !== undefined, JSON.stringify(timings));
    assert.ok(serverStarting >= 0 && serverStarting <= serverReady && serverReady <= firstDiagnostics, `in order: ${JSON.stringify(timings)}`);
    assert.equal(timings.firstDocument, uri.toString(), 'no other document was analysed first');
    const server = [timings.serverProcess, timings.serverScript, timings.serverLoaded, timings.serverInitialize];
    assert.ok(server.every((t, i) => t !== undefined && (i === 0 || t >= server[i - 1]!)), `the server's own timeline, in order: ${JSON.stringify(timings)}`);
    // The server's Node compile cache (Node >= 22.1 reports it) is this user's 0700 folder in the
    // extension's storage, not a folder under the shared tmp dir that another user could have made.
    if (timings.serverCompileCache !== undefined) {
      const cache = timings.serverCompileCache;
      assert.ok(!cache.startsWith(tmpdir()), `compile cache under ${tmpdir()}: ${cache}`);
      assert.match(cache, /[\\/]globalStorage[\\/]asl-guard\.asl-guard[\\/]node-compile-cache/);
      // Node keeps its files in a folder per version under ours; ours (0700) keeps other users out of it.
      const ours = cache.slice(0, cache.lastIndexOf('node-compile-cache') + 'node-compile-cache'.length);
      if (process.platform !== 'win32') assert.equal(statSync(ours).mode & 0o777, 0o700, ours);
    } else {
      // module.getCompileCacheDir() came with Node 22.8.
      const [major, minor] = process.versions.node.split('.').map(Number);
      assert.ok(major < 22 || (major === 22 && minor < 8), `no compile cache reported on Node ${process.version}`);
    }
    // test/e2e/lib/startup-metrics.mjs picks this line out of the console log and records it.
    console.log(`e2e-metric startup ${JSON.stringify({ ...timings, vscode: vscode.version, node: process.version })}`);
    console.log(`  (activation → first diagnostics ${firstDiagnostics} ms; server started at ${serverStarting} ms, ready at ${serverReady} ms)`);
  }],
  ['an .asl.json with a typo\'d Next gets ASL003 with its docs link; fixing the typo clears it', async (dir) => {
    const uri = vscode.Uri.file(join(dir, 'typo.asl.json'));
    const document = await open(uri);
    assert.equal(document.languageId, 'asl');
    const diagnostic = await waitFor('ASL003', () => diagnosticsWith(uri, 'ASL003')[0]);
    assert.equal(diagnostic.source, 'asl-guard');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(String(typeof diagnostic.code === 'object' ? diagnostic.code.target : ''), /ASL003\.md$/);
    assert.equal(document.getText(diagnostic.range), '"Procss"');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, diagnostic.range.start.translate(0, 5), 'e');
    const started = Date.now();
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('ASL003 to clear', () => diagnosticsWith(uri, 'ASL003').length === 0);
    console.log(`  (diagnostics updated ${Date.now() - started} ms after the edit)`);
  }],
  ['document symbols are nested for Parallel and Map; definition jumps from Next to the state', async (dir) => {
    const uri = vscode.Uri.file(join(dir, 'nested.asl.json'));
    const document = await open(uri);
    const symbols = await waitFor('symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
      return s?.length ? s : undefined;
    });
    assert.deepEqual(symbols.map((s) => s.name), ['Choose', 'Fan', 'Each', 'Done']);
    assert.deepEqual(symbols[1].children.map((c) => c.name), ['Branch 1', 'Branch 2']);
    assert.deepEqual(symbols[2].children[0].children.map((c) => c.name), ['Work']);
    const from = document.positionAt(NESTED.indexOf('"Next": "Fan"') + 10);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, from);
    const range = locations.map((l) => ('targetRange' in l ? l.targetSelectionRange ?? l.targetRange : l.range))[0];
    assert.ok(range, 'a definition');
    assert.equal(document.getText(range), '"Fan"');
    assert.equal(range.start.line, document.positionAt(NESTED.indexOf('"Fan": {')).line);
  }],
  ['a plain .json whose root has StartAt and States switches to ASL and is analysed', async (dir) => {
    const uri = vscode.Uri.file(join(dir, 'workflow.json'));
    await open(uri);
    await waitFor('the asl language', () => documentFor(uri)?.languageId === 'asl');
    await waitFor('ASL003 in the plain .json', () => diagnosticsWith(uri, 'ASL003').length > 0);
  }],
  ['a plain .json that is not a state machine stays JSON; the command treats it as ASL', async (dir) => {
    const uri = vscode.Uri.file(join(dir, 'package.json'));
    await open(uri);
    await sleep(500);
    assert.equal(documentFor(uri)?.languageId, 'json');
    await vscode.commands.executeCommand('aslGuard.useAslLanguage');
    await waitFor('the asl language after the command', () => documentFor(uri)?.languageId === 'asl');
  }],
  ['turning a rule off in the settings re-validates open documents', async (dir) => {
    const uri = vscode.Uri.file(join(dir, 'settings.asl.json'));
    await open(uri);
    await waitFor('ASL003', () => diagnosticsWith(uri, 'ASL003').length > 0);
    const config = vscode.workspace.getConfiguration('aslGuard');
    await config.update('rules', { ASL003: 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('ASL003 off', () => diagnosticsWith(uri, 'ASL003').length === 0);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('ASL003 back', () => diagnosticsWith(uri, 'ASL003').length > 0);
  }],
  ['the ASL003 quick fix from the code action provider applies and clears the finding', async (dir) => {
    const uri = vscode.Uri.file(join(dir, 'fix.asl.json'));
    const document = await open(uri);
    const diagnostic = await waitFor('ASL003', () => diagnosticsWith(uri, 'ASL003')[0]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to "Process"');
    assert.ok(fix?.edit, `the fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), TYPO.replace('Procss', 'Process'));
    await waitFor('ASL003 to clear', () => diagnosticsWith(uri, 'ASL003').length === 0);
  }],
  ['IAM002 has the "Generate least-privilege IAM policy" quick fix; a Task state has the source action', async (dir) => {
    const uri = vscode.Uri.file(join(dir, 'policy.asl.json'));
    const document = await open(uri);
    const diagnostic = await waitFor('IAM002', () => diagnosticsWith(uri, 'IAM002')[0]);
    assert.equal(document.getText(diagnostic.range), '"$.fn"');
    const quickFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const generate = quickFixes.find((a) => a.title === 'Generate least-privilege IAM policy for Invoke');
    assert.ok(generate, `the quick fix among ${JSON.stringify(quickFixes.map((a) => a.title))}`);
    assert.equal(generate.command?.command, 'aslGuard.generatePolicy');
    assert.deepEqual(generate.command?.arguments, [{ uri: uri.toString(), state: 'Invoke' }]);
    assert.equal(generate.edit, undefined, 'it opens a policy, it does not edit the definition');
    const inNotify = new vscode.Range(document.positionAt(POLICY.indexOf('sns:publish')), document.positionAt(POLICY.indexOf('sns:publish')));
    const sources = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, inNotify, 'source.generatePolicy.aslGuard');
    assert.deepEqual(sources.map((a) => a.title), ['Generate least-privilege IAM policy for Notify', 'Generate least-privilege IAM policy for the state machine']);
  }],
  ['aslGuard.generatePolicy {uri, format: "json"} opens the policy in a new editor beside the definition', async (dir) => {
    const uri = vscode.Uri.file(join(dir, 'policy.asl.json'));
    await open(uri);
    const definition = vscode.window.activeTextEditor!;
    await waitFor('IAM002', () => diagnosticsWith(uri, 'IAM002').length > 0);
    const returned = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('aslGuard.generatePolicy', { uri: uri.toString(), format: 'json' });
    const editor = await waitFor('the policy editor', () => vscode.window.visibleTextEditors.find((e) => e.document.isUntitled && e.document.getText().includes('"Statement"')));
    try {
      assert.equal(returned?.uri.toString(), editor.document.uri.toString(), 'the command resolves to the policy document');
      assert.equal(editor.document.languageId, 'json');
      assert.equal(editor.viewColumn, (definition.viewColumn ?? 1) + 1, 'beside the definition');
      assert.equal(definition.document.getText(), POLICY, 'the definition is not edited');
      const policy = JSON.parse(editor.document.getText()) as { Statement: { Action: string[]; Resource: string[] }[] };
      assert.deepEqual(policy.Statement.map((s) => s.Action), [['lambda:InvokeFunction'], ['sns:Publish']]);
      assert.deepEqual(policy.Statement[1].Resource, ['arn:aws:sns:us-east-1:123456789012:orders']);
    } finally {
      await vscode.window.showTextDocument(editor.document, editor.viewColumn);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }],
];

/** Entry point called by the test runner inside the extension host; rejects when a case fails. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'asl-guard-exthost-'));
  writeFileSync(join(dir, 'startup.asl.json'), TYPO);
  writeFileSync(join(dir, 'typo.asl.json'), TYPO);
  writeFileSync(join(dir, 'nested.asl.json'), NESTED);
  writeFileSync(join(dir, 'workflow.json'), TYPO);
  writeFileSync(join(dir, 'settings.asl.json'), TYPO);
  writeFileSync(join(dir, 'fix.asl.json'), TYPO);
  writeFileSync(join(dir, 'policy.asl.json'), POLICY);
  writeFileSync(join(dir, 'package.json'), '{ "name": "not-a-state-machine", "version": "1.0.0" }\n');
  const failures: string[] = [];
  for (const [name, body] of CASES) {
    try {
      await body(dir);
      console.log(`ok - ${name}`);
    } catch (error) {
      failures.push(name);
      console.log(`not ok - ${name}\n  ${(error as Error).stack ?? error}`);
    }
  }
  console.log(`exthost: ${CASES.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} extension-host test(s) failed: ${failures.join('; ')}`);
}
