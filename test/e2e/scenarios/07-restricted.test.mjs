// Scenario 7: in an untrusted workspace (workspace trust on, folder not trusted: Restricted Mode)
// the extension still runs and the diagnostics still appear, and the workspace cannot turn rules
// off: its .asl-guard.json (ASL003 off) and its aslGuard.rules setting (ASL004 off) are ignored
// until the folder is trusted, and then both apply without a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Workbench, waitUntil, SELECTORS } from '../lib/workbench.mjs';

let wb;
before(async () => {
  // The folder restricted/ itself, so that its .asl-guard.json and .vscode/settings.json are the
  // workspace's own (the language server reads the file at a workspace folder's root).
  const url = new URL(process.env.E2E_URL_RESTRICTED ?? '');
  url.searchParams.set('folder', `${url.searchParams.get('folder')}/restricted`);
  wb = await Workbench.open(process.env.E2E_URL_RESTRICTED ? url.href : undefined, '07-restricted');
});
after(async () => { await wb?.close(); });

/** The sorted rule ids of the Problems rows, once they are `expected` (QUO003 shows the analysis ran). */
async function codesBecome(expected) {
  return waitUntil(async () => {
    const codes = (await wb.problemRows()).map((row) => row.code).sort();
    return JSON.stringify(codes) === JSON.stringify(expected) ? codes : undefined;
  }, `Problems rows ${expected.join(', ')}`, 60_000, 250);
}

test('Restricted Mode: the workspace\'s .asl-guard.json and aslGuard.rules are ignored; the typo\'d Next is still reported', () => wb.scenario('07-restricted-mode', async () => {
  const banner = wb.page.locator(SELECTORS.banner);
  await banner.waitFor();
  assert.match(await banner.innerText(), /Restricted Mode/);
  const status = wb.page.locator(SELECTORS.status.workspaceTrust);
  await status.waitFor();
  assert.match(`${await status.innerText()} ${await status.getAttribute('aria-label')}`, /Restricted Mode/);

  await wb.openFile('typo-next.asl.json');
  await wb.waitForTextEditor();
  await waitUntil(async () => (await wb.languageMode()) === 'ASL', 'ASL language mode');
  await wb.squiggles('error').first().waitFor({ timeout: 60_000 });
  // ASL003 is off in the folder's .asl-guard.json and ASL004 in its .vscode/settings.json: both still show.
  await codesBecome(['ASL003', 'ASL004', 'QUO003']);
  const rows = await wb.problemRows();
  assert.match(rows.find((row) => row.code === 'ASL003').message, /"Finsh"/);
}));

test('trusting the folder applies its .asl-guard.json and settings at once', () => wb.scenario('07-restricted-trusted', async () => {
  await wb.runCommand('Workspaces: Manage Workspace Trust');
  const trust = wb.page.getByRole('button', { name: 'Trust', exact: true }).first();
  await trust.waitFor();
  await trust.click();
  await waitUntil(async () => !(await wb.page.locator(SELECTORS.banner).isVisible()), 'the Restricted Mode banner to go', 30_000);
  // The definition stays open behind the trust editor: its diagnostics are re-computed, not re-opened.
  await codesBecome(['QUO003']);
  await wb.openFile('typo-next.asl.json'); // for the screenshot
}));
