// Scenario 4: the Outline view lists the states, nested under their Parallel branch and Map item
// processor; F12 on a Next value moves the cursor to the state it names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Workbench, waitUntil, SELECTORS } from '../lib/workbench.mjs';
import { locate } from '../lib/fixtures.mjs';

let wb;
before(async () => { wb = await Workbench.open(process.env.E2E_URL, '04-navigation'); });
after(async () => { await wb?.close(); });

const FILE = 'navigation/nested.asl.json';

test('Outline shows the states, nested for Parallel and Map', () => wb.scenario('04-outline', async () => {
  await wb.openFile(FILE);
  await wb.waitForTextEditor();
  await wb.showOutline();
  const readRows = () => wb.page.locator(SELECTORS.outlineRow).evaluateAll((els) => els.map((e) => ({
    // aria-label is "<name> (<kind>)"; the name is what the row shows.
    name: (e.getAttribute('aria-label') ?? '').replace(/ \([^)]*\)$/, ''),
    level: Number(e.getAttribute('aria-level')),
  })));
  const rows = await waitUntil(async () => {
    const r = await readRows();
    return r.some((x) => x.name === 'HandleItem') && r.some((x) => x.name === 'BranchB') ? r : undefined;
  }, 'the nested states in the outline');
  console.log(`  outline: ${rows.map((r) => `${'  '.repeat(r.level - 1)}${r.name}`).join(' | ')}`);
  const row = (name) => {
    const i = rows.findIndex((r) => r.name === name);
    assert.ok(i >= 0, `outline row ${name}`);
    return { ...rows[i], index: i };
  };
  const top = ['Prepare', 'FanOut', 'EachItem', 'Finish'].map(row);
  assert.ok(top.every((r) => r.level === top[0].level), 'the top-level states are siblings');
  assert.ok(top.every((r, i) => i === 0 || r.index > top[i - 1].index), 'in document order');
  for (const [child, parent, next] of [['BranchA', 'FanOut', 'EachItem'], ['BranchB', 'FanOut', 'EachItem'], ['HandleItem', 'EachItem', 'Finish']]) {
    const c = row(child), p = row(parent), n = row(next);
    assert.ok(c.level > p.level, `${child} (level ${c.level}) is nested below ${parent} (level ${p.level})`);
    assert.ok(c.index > p.index && c.index < n.index, `${child} sits inside ${parent}`);
  }
  // The JSON keys around the states (Comment, StartAt, Type ...) are not listed as if they were states.
  assert.ok(!rows.some((r) => r.name === 'Type' || r.name === 'StartAt'), 'only states (and their scopes) are listed');
}));

test('F12 on a Next value jumps to the state it names', () => wb.scenario('04-go-to-definition', async () => {
  await wb.openFile(FILE);
  await wb.waitForTextEditor();
  const from = locate(FILE, '"Next": "EachItem"', '"Next": "Each'.length);
  const target = locate(FILE, '"EachItem": {');
  await wb.goTo(from.line, from.column);
  await wb.page.keyboard.press('F12');
  const landed = await waitUntil(async () => { const c = await wb.cursor(); return c.line === target.line ? c : undefined; },
    `cursor on line ${target.line} ("EachItem": {)`, 15_000);
  assert.ok(landed.column >= target.column && landed.column <= target.column + '"EachItem"'.length, `cursor on the state name (col ${landed.column})`);
}));
