// Scenario 5: typing a snippet prefix and accepting it from the suggest widget inserts a state that
// produces no diagnostics. The fixture's StartAt names a state that does not exist yet and its Fail
// state is unreachable: the inserted Task (named by typing into the first placeholder) fixes both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Workbench, waitUntil, SELECTORS } from '../lib/workbench.mjs';
import { cliFindings, locate, wsPath } from '../lib/fixtures.mjs';

let wb;
before(async () => { wb = await Workbench.open(process.env.E2E_URL, '05-snippets'); });
after(async () => { await wb?.close(); });

const FILE = 'snippets/new-state.asl.json';
const PREFIX = 'asl-task-retry';

test(`the ${PREFIX} snippet inserts a state with no diagnostics`, () => wb.scenario('05-snippet', async () => {
  await wb.openFile(FILE);
  await wb.waitForTextEditor();
  // The server is alive and sees the missing state before the snippet adds it.
  await wb.squiggles('error').first().waitFor({ timeout: 60_000 });

  // After the closing brace of the "Handle failure" state: a comma, a new line, the prefix.
  const end = locate(FILE, '    }\n  }\n}');
  await wb.goTo(end.line, end.column + '    }'.length);
  await wb.page.keyboard.type(',');
  await wb.page.keyboard.press('Enter');
  await wb.page.keyboard.type(PREFIX);
  const item = wb.page.locator(`${SELECTORS.suggestRow}[aria-label^="${PREFIX},"]`);
  await item.waitFor();
  assert.match(await item.getAttribute('aria-label'), /Snippet/, 'the suggestion is the snippet');
  await item.click();
  // The first placeholder is the state's name: type it, leave the rest at their defaults.
  await wb.page.keyboard.type('Charge card');
  await wb.page.keyboard.press('Escape');
  await waitUntil(async () => (await wb.visibleText()).includes('"Charge card": {'), 'the inserted state');

  await wb.squiggles('error').first().waitFor({ state: 'detached', timeout: 30_000 });
  await waitUntil(async () => { const c = await wb.problemCounts(); return c.errors === 0 && c.warnings === 0; }, 'no errors or warnings in the status bar');
  await waitUntil(async () => (await wb.problemRows()).length === 0, 'an empty Problems panel');
  await wb.page.keyboard.press('Control+S');
  const saved = await waitUntil(() => { const t = readFileSync(wsPath(FILE), 'utf8'); return t.includes('"Charge card": {') && t; }, 'the saved file');
  assert.match(saved, /"Type": "Task"[\s\S]*"Retry"[\s\S]*"Catch"/, 'the snippet body was inserted');
  assert.deepEqual(cliFindings(wsPath(FILE)), [], 'the CLI agrees: no findings');
}));
