// Scenario 6: syntax colouring. A JSONPath `.$` key and a JSONata `{% %}` block are drawn in a
// different colour than plain keys/strings, read from the rendered token spans; the workbench's
// "Developer: Inspect Editor Tokens and Scopes" widget is left open on the `.$` key for the screenshot.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Workbench, waitUntil, SELECTORS } from '../lib/workbench.mjs';
import { locate } from '../lib/fixtures.mjs';

let wb;
before(async () => { wb = await Workbench.open(process.env.E2E_URL, '06-colouring'); });
after(async () => { await wb?.close(); });

const FILE = 'colouring/tokens.asl.json';

test('a .$ key and a JSONata block get a different colour from plain strings', () => wb.scenario('06-colouring', async () => {
  await wb.openFile(FILE);
  await wb.waitForTextEditor();
  await waitUntil(async () => (await wb.languageMode()) === 'ASL', 'ASL language mode');
  // Tokenisation is asynchronous: wait until the JSONata block is coloured differently from its neighbour.
  const colours = await waitUntil(async () => {
    const c = {
      pathKey: await wb.tokenColour('"order.$"', '.$'),
      plainKey: await wb.tokenColour('"plain"', 'plain'),
      jsonata: await wb.tokenColour('"total"', '{%'),
      plainValue: await wb.tokenColour('"label"', 'just text'),
    };
    return Object.values(c).every(Boolean) && c.jsonata.colour !== c.plainValue.colour ? c : undefined;
  }, 'the JSONata block to be coloured', 30_000);
  console.log(`  colours: ${Object.entries(colours).map(([k, v]) => `${k}=${v.colour} "${v.text}"`).join('; ')}`);
  assert.notEqual(colours.pathKey.colour, colours.plainKey.colour, 'the .$ key differs from a plain key');
  assert.notEqual(colours.jsonata.colour, colours.plainValue.colour, 'the {% %} block differs from a plain string');

  // The same from the workbench's own token inspector.
  const at = locate(FILE, '"order.$"', '"order.'.length);
  await wb.goTo(at.line, at.column);
  await wb.runCommand('Developer: Inspect Editor Tokens and Scopes');
  const widget = wb.page.locator(SELECTORS.tokenInspectWidget);
  await widget.waitFor();
  const text = await widget.innerText();
  console.log(`  inspector on ".$": ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
  assert.match(text, /textmate scopes/i);
}));
