// Scenario 2 (+ the security finding): a typo'd Next is squiggled on exactly its value, listed once
// in the Problems panel with the rule id linked to its docs page, and both go away when the typo is
// fixed by typing; the ASL003 quick fix works from Ctrl+.; an inline password shows SEC001.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Workbench, waitUntil, SELECTORS } from '../lib/workbench.mjs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { locate } from '../lib/fixtures.mjs';

const REPO = process.env.E2E_REPO ?? process.cwd();

let wb;
before(async () => { wb = await Workbench.open(process.env.E2E_URL, '02-diagnostics'); });
after(async () => { await wb?.close(); });

/** The one squiggle of `severity` must cover exactly the rendered glyphs of `text` (±2 px). */
async function assertSquiggleOn(text, severity = 'error') {
  const glyphs = await wb.textRect(text);
  assert.ok(glyphs, `${text} is rendered`);
  const rects = await wb.squiggleRects(severity);
  assert.equal(rects.length, 1, `exactly one ${severity} squiggle (found ${rects.length})`);
  const [sq] = rects;
  assert.ok(Math.abs(sq.left - glyphs.left) <= 2 && Math.abs(sq.right - glyphs.right) <= 2,
    `squiggle x ${sq.left.toFixed(0)}..${sq.right.toFixed(0)} matches ${text} at ${glyphs.left.toFixed(0)}..${glyphs.right.toFixed(0)}`);
  assert.ok(sq.top >= glyphs.top - 4 && sq.top <= glyphs.bottom + 4, `squiggle is on the line of ${text}`);
}

test('typo\'d Next: squiggle on exactly the value, one Problems row with ASL003 and its docs link; typing the fix removes both', () => wb.scenario('02-typo-next', async () => {
  const file = 'diagnostics/typo-next.asl.json';
  await wb.openFile(file);
  await wb.waitForTextEditor();
  await wb.squiggles('error').first().waitFor({ timeout: 60_000 });
  await waitUntil(async () => (await wb.problemCounts()).errors === 1, 'status bar: 1 error');
  await assertSquiggleOn('"Reserv"');

  const rows = await waitUntil(async () => { const r = await wb.problemRows(); return r.length ? r : undefined; }, 'a Problems row');
  assert.equal(rows.length, 1, `one row in Problems: ${JSON.stringify(rows.map((r) => r.text))}`);
  const [row] = rows;
  assert.equal(row.code, 'ASL003');
  assert.equal(row.source, 'asl-guard');
  assert.match(row.message, /"Reserv"/);
  const at0 = locate(file, '"Reserv"');
  assert.deepEqual([row.line, row.column], [at0.line, at0.column], 'the row points at the value');
  assert.match(row.href, /\/docs\/rules\/ASL003\.md$/, 'the rule id links to the rule\'s docs page');
  assert.ok(existsSync(join(REPO, 'docs', 'rules', 'ASL003.md')), 'the linked page exists in the repository');
  await wb.page.screenshot({ path: `${process.env.E2E_RESULTS ?? 'test-results'}/02-typo-next-before-fix.png` });

  // Type the missing "e" right after "Reserv", as a person would.
  const at = locate(file, '"Reserv"', '"Reserv'.length);
  await wb.goTo(at.line, at.column);
  await wb.page.keyboard.type('e');
  await waitUntil(async () => (await wb.visibleText()).includes('"Next": "Reserve"'), 'the typed fix in the editor');
  await wb.squiggles('error').first().waitFor({ state: 'detached', timeout: 30_000 });
  await waitUntil(async () => (await wb.problemCounts()).errors === 0, 'status bar: no errors');
  await waitUntil(async () => (await wb.problemRows()).length === 0, 'no rows in Problems');
  await wb.page.keyboard.press('Control+S');
}));

test('ASL003 quick fix from Ctrl+. changes the Next to the closest state', () => wb.scenario('02-quick-fix', async () => {
  const file = 'diagnostics/quick-fix.asl.json';
  await wb.openFile(file);
  await wb.waitForTextEditor();
  await wb.squiggles('error').first().waitFor({ timeout: 60_000 });
  const at = locate(file, '"Recipt"', 2);
  await wb.goTo(at.line, at.column);
  await wb.page.keyboard.press('Control+.');
  const fix = wb.page.locator(SELECTORS.actionWidgetRow, { hasText: 'Change to "Receipt"' }).first();
  await fix.waitFor();
  await fix.click();
  await waitUntil(async () => (await wb.visibleText()).includes('"Next": "Receipt"'), 'the fixed Next in the editor');
  await wb.squiggles('error').first().waitFor({ state: 'detached', timeout: 30_000 });
  await waitUntil(async () => (await wb.problemCounts()).errors === 0, 'status bar: no errors');
  await wb.page.keyboard.press('Control+S');
}));

test('an inline password shows a SEC001 squiggle and Problems row, with the secret masked', () => wb.scenario('02-security-sec001', async () => {
  const file = 'security/inline-password.asl.json';
  await wb.openFile(file);
  await wb.waitForTextEditor();
  const rows = await waitUntil(async () => {
    const r = (await wb.problemRows()).filter((row) => row.code === 'SEC001');
    return r.length ? r : undefined;
  }, 'a SEC001 row in Problems', 60_000);
  console.log(`  SEC001: ${rows.map((r) => `${r.message} [Ln ${r.line}, Col ${r.column}]`).join('; ')}`);
  assert.equal(rows.length, 1, 'one SEC001 row');
  assert.match(rows[0].href, /\/docs\/rules\/SEC001\.md$/, 'SEC001 links to its docs page');
  assert.ok(existsSync(join(REPO, 'docs', 'rules', 'SEC001.md')), 'the linked page exists in the repository');
  assert.equal(rows[0].line, locate(file, '"Password"').line, 'the row points at the Password line');
  assert.doesNotMatch(rows[0].message, /Tr0ub4dor&3-horse-battery|4dor&3/, 'the message does not repeat the secret');
  // SEC001 is an error (a warning for a secret recognised only by its key name): the one squiggle of
  // either kind covers exactly the literal value.
  const squiggle = wb.page.locator(`${SELECTORS.activeEditor} ${SELECTORS.squiggle.error}, ${SELECTORS.activeEditor} ${SELECTORS.squiggle.warning}`);
  await squiggle.first().waitFor();
  await assertSquiggleOn('"Tr0ub4dor&3-horse-battery"', (await wb.squiggles('error').count()) ? 'error' : 'warning');
}));
