// Document symbols (nested for Parallel and Map), go-to-definition and find-references on state
// names over a real LSP connection, in JSON and YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DefinitionRequest, DocumentSymbolRequest, ReferencesRequest, SymbolKind, type DocumentSymbol, type Location } from 'vscode-languageserver-protocol/node';
import { stringify } from 'yaml';
import { positionOfText, TestClient } from './lsp-client';
import { NESTED, TYPO_YAML } from './samples';

const URI = 'file:///tmp/nested.asl.json';

/** Every child range (and the selection range) lies inside its parent's: clients reject outlines that do not nest. */
function assertNested(symbols: DocumentSymbol[]): void {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const inside = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) => before(outer.start, inner.start) && before(inner.end, outer.end);
  const walk = (s: DocumentSymbol): void => {
    assert.ok(inside(s.range, s.selectionRange), `${s.name}: selection outside its range`);
    s.children?.forEach((c) => (assert.ok(inside(s.range, c.range), `${c.name} outside ${s.name}`), walk(c)));
  };
  symbols.forEach(walk);
}

function outline(symbols: DocumentSymbol[]): unknown[] {
  return symbols.map((s) => (s.children?.length ? { [s.name]: outline(s.children) } : s.name));
}

async function withNested(run: (client: TestClient) => Promise<void>): Promise<void> {
  const client = await TestClient.start();
  try {
    await client.open(URI, NESTED);
    await run(client);
  } finally {
    await client.stop();
  }
}

/** The text a location covers in NESTED. */
function textAt(location: Location): string {
  const lines = NESTED.split('\n');
  const { start, end } = location.range;
  assert.equal(start.line, end.line);
  return lines[start.line].slice(start.character, end.character);
}

test('document symbols: states as an outline, nested under Parallel branches and the Map item processor', () =>
  withNested(async (client) => {
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.deepEqual(outline(symbols), [
      'Choose',
      { Fan: [{ 'Branch 1': ['A'] }, { 'Branch 2': ['B', 'C'] }] },
      { Each: [{ ItemProcessor: ['Work'] }] },
      'Done',
    ]);
    const fan = symbols[1];
    assert.equal(fan.kind, SymbolKind.Module);
    assert.equal(fan.detail, 'Parallel');
    assert.deepEqual(fan.selectionRange.start, positionOfText(NESTED, '"Fan": {'));
    assertNested(symbols);
  }));

test('definition: from Next, Default, a Choice rule, a Catch, StartAt and a branch StartAt to the state key', () =>
  withNested(async (client) => {
    const definition = async (needle: string, nth = 0) =>
      (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: URI }, position: positionOfText(NESTED, needle, needle.length - 3, nth) })) as Location | null;
    const cases: [string, number, string][] = [
      ['"Next": "Fan"', 0, '"Fan": {'],
      ['"Default": "Done"', 0, '"Done": {'],
      ['"Next": "Done"', 0, '"Done": {'], // the Catch
      ['"Next": "Done"', 1, '"Done": {'], // the Map's Next
      ['"StartAt": "Choose"', 0, '"Choose": {'],
      ['"StartAt": "B"', 0, '"B": {'],
      ['"Next": "C"', 0, '"C": {'],
    ];
    for (const [from, nth, to] of cases) {
      const location = await definition(from, nth);
      assert.ok(location, `no definition from ${from}`);
      assert.deepEqual(location.range.start, positionOfText(NESTED, to), `${from} #${nth}`);
      assert.equal(textAt(location), `"${to.split('"')[1]}"`);
    }
    // Not on a state name: no definition.
    assert.equal(await definition('"Type": "Choice"'), null);
  }));

test('references: from a state key and from a mention, all StartAt/Next/Default/Choice/Catch mentions in its scope', () =>
  withNested(async (client) => {
    const references = async (needle: string, includeDeclaration: boolean) =>
      ((await client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: URI },
        position: positionOfText(NESTED, needle, 2),
        context: { includeDeclaration },
      })) ?? []) as Location[];
    const done = await references('"Done": {', true);
    assert.deepEqual(done.map((l) => l.range.start), [
      positionOfText(NESTED, '"Done": {'), // the declaration first
      positionOfText(NESTED, '"Done"', 0, 0), // Default
      positionOfText(NESTED, '"Done"', 0, 1), // Catch Next
      positionOfText(NESTED, '"Done"', 0, 2), // the Map's Next
    ]);
    assert.equal((await references('"Done": {', false)).length, 3);
    // From a mention (the Default) the same set.
    assert.equal((await references('"Default": "Done"', false)).length, 0, 'the cursor on the "Default" key is not a name');
    assert.equal((await references('"Done"', false)).length, 3);
    const choose = await references('"Choose": {', false);
    assert.deepEqual(choose.map(textAt), ['"Choose"'], 'StartAt counts as a reference');
  }));

test('YAML: symbols and definition work on an asl-yaml document', async () => {
  const client = await TestClient.start();
  try {
    const nestedUri = 'file:///tmp/nested.asl.yaml';
    await client.open(nestedUri, stringify(JSON.parse(NESTED)), 'asl-yaml');
    const nested = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: nestedUri } })) as DocumentSymbol[];
    assert.deepEqual(outline(nested), ['Choose', { Fan: [{ 'Branch 1': ['A'] }, { 'Branch 2': ['B', 'C'] }] }, { Each: [{ ItemProcessor: ['Work'] }] }, 'Done']);
    assertNested(nested);

    const uri = 'file:///tmp/nav.asl.yaml';
    const text = TYPO_YAML.replace('Procss', 'Process');
    await client.open(uri, text, 'asl-yaml');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['Fetch', 'Process']);
    const location = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOfText(text, 'Next: Process', 8) })) as Location;
    assert.deepEqual(location.range.start, positionOfText(text, 'Process:'));
  } finally {
    await client.stop();
  }
});
