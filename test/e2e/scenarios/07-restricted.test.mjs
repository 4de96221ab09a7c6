// Scenario 7: in an untrusted workspace (workspace trust on, folder not trusted: Restricted Mode)
// the extension still runs and the diagnostics still appear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Workbench, waitUntil, SELECTORS } from '../lib/workbench.mjs';

let wb;
before(async () => { wb = await Workbench.open(process.env.E2E_URL_RESTRICTED, '07-restricted'); });
after(async () => { await wb?.close(); });

test('Restricted Mode: the banner says so and the typo\'d Next is still reported', () => wb.scenario('07-restricted-mode', async () => {
  const banner = wb.page.locator(SELECTORS.banner);
  await banner.waitFor();
  assert.match(await banner.innerText(), /Restricted Mode/);
  const status = wb.page.locator(SELECTORS.status.workspaceTrust);
  await status.waitFor();
  assert.match(`${await status.innerText()} ${await status.getAttribute('aria-label')}`, /Restricted Mode/);

  await wb.openFile('restricted/typo-next.asl.json');
  await wb.waitForTextEditor();
  await waitUntil(async () => (await wb.languageMode()) === 'ASL', 'ASL language mode');
  await wb.squiggles('error').first().waitFor({ timeout: 60_000 });
  const rows = await waitUntil(async () => {
    const r = (await wb.problemRows()).filter((row) => row.code === 'ASL003');
    return r.length ? r : undefined;
  }, 'the ASL003 row in Problems');
  assert.match(rows[0].message, /"Finsh"/);
}));
