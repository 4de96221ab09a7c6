// Scenario 1: opening *.asl.json, *.asl.yaml and a plain .json whose root has StartAt/States
// activates the extension (its server reports the typo'd Next in each) and the status bar shows ASL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Workbench, waitUntil } from '../lib/workbench.mjs';

let wb;
before(async () => { wb = await Workbench.open(process.env.E2E_URL, '01-activation'); });
after(async () => { await wb?.close(); });

const CASES = [
  ['01-activation-asl-json', 'activation/order.asl.json', 'ASL'],
  ['01-activation-asl-yaml', 'activation/order.asl.yaml', 'ASL (YAML)'],
  ['01-activation-plain-json', 'activation/state-machine.json', 'ASL'],
];

for (const [name, file, mode] of CASES) {
  test(`${file} shows language mode "${mode}" and the server's diagnostics`, () => wb.scenario(name, async () => {
    await wb.openFile(file);
    await wb.waitForTextEditor();
    // A plain .json opens as JSON and is switched by the extension once it has looked at the content.
    await waitUntil(async () => (await wb.languageMode()) === mode, `language mode "${mode}" (now "${await wb.languageMode()}")`);
    // Only a running language server can put a squiggle under the typo'd Next.
    await wb.squiggles('error').first().waitFor({ timeout: 60_000 });
    const counts = await wb.problemCounts();
    assert.ok(counts.errors >= 1, `status bar shows errors (${counts.label})`);
  }));
}
