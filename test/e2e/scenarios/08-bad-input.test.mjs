// Bad input: truncated JSON, deep nesting, invalid UTF-8 and a binary file (forced into the ASL
// language) give a diagnostic or nothing: never an error notification, a crashed/restarted server
// or a hang. The server must still answer a normal edit afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Workbench, waitUntil, SELECTORS } from '../lib/workbench.mjs';
import { locate } from '../lib/fixtures.mjs';

let wb;
before(async () => { wb = await Workbench.open(process.env.E2E_URL, '08-bad-input'); });
after(async () => { await wb?.close(); });

test('broken and binary files: a diagnostic or nothing, no error notification, the server keeps working', () => wb.scenario('08-bad-input', async () => {
  // Truncated JSON: the server reports the syntax error.
  await wb.openFile('bad-input/truncated.asl.json');
  await wb.waitForTextEditor();
  await wb.squiggles('error').first().waitFor({ timeout: 60_000 });

  // 50,000 levels of nesting and invalid UTF-8: a diagnostic or nothing, but nothing breaks.
  await wb.openFile('bad-input/deep.asl.json');
  await wb.waitForTextEditor();
  await wb.openFile('bad-input/mojibake.asl.json');
  await wb.waitForTextEditor();

  // Binary: VS Code shows its placeholder; open it anyway as text and tell VS Code it is ASL.
  await wb.openFile('bad-input/binary.asl.json');
  await wb.page.locator(SELECTORS.placeholderButton, { hasText: 'Open Anyway' }).click();
  await wb.pickQuickInput('Text Editor', 'Text Editor');
  await wb.waitForTextEditor();
  await wb.runCommand('Change Language Mode');
  await wb.pickQuickInput('ASL', 'ASL(asl)');
  await waitUntil(async () => (await wb.languageMode()) === 'ASL', 'the binary file in ASL mode');
  // One clear diagnostic for it (not a cascade of syntax errors about the garbage).
  let notText = [];
  await waitUntil(async () => (notText = (await wb.problemRows()).filter((r) => r.message.startsWith('Not a text file'))).length > 0, 'the "not a text file" diagnostic');
  assert.equal(notText.length, 1, JSON.stringify(notText));
  assert.deepEqual([notText[0].code, notText[0].line, notText[0].column], ['ASL001', 1, 1]);
  await wb.page.keyboard.press('Control+Shift+M'); // the Problems panel closes again

  // Liveness: the server answers an ordinary edit after all that (requests are handled in order,
  // so a server stuck on one of the files above would never get here). A failure is re-thrown after
  // the checks below, whose messages say why (a crash notification, the output channel).
  let stuck;
  try {
    const file = 'bad-input/alive.asl.json';
    await wb.openFile(file);
    await wb.waitForTextEditor();
    await wb.squiggles('error').first().waitFor({ timeout: 30_000 });
    const at = locate(file, '"Recipt"', '"Rec'.length);
    await wb.goTo(at.line, at.column);
    await wb.page.keyboard.type('e');
    await waitUntil(async () => (await wb.visibleText()).includes('"Next": "Receipt"'), 'the typed fix');
    await wb.squiggles('error').first().waitFor({ state: 'detached', timeout: 30_000 });
  } catch (error) {
    stuck = error;
  }

  // Nothing went wrong on screen: no error notification (toast or notification centre) ...
  const notes = await wb.notifications();
  console.log(`  notifications: ${JSON.stringify(notes.map((n) => n.text))}`);
  assert.deepEqual(notes.filter((n) => n.error).map((n) => n.text), [], 'no error notification');
  assert.deepEqual(notes.filter((n) => /crash|restart|did not start|failed/i.test(n.text)).map((n) => n.text), [], 'no notification about a failing server');
  // ... and the ASL Guard output channel does not report a lost or restarted server.
  await wb.runCommand('Output: Show Output Channels...');
  await wb.pickQuickInput('ASL Guard', 'ASL Guard');
  const output = wb.page.locator(SELECTORS.outputView).first();
  await output.waitFor();
  const log = (await output.innerText()).replace(/\u00a0/g, ' ');
  assert.doesNotMatch(log, /connection to server got closed|server crashed|will restart|exited with code|Uncaught/i, `ASL Guard output:\n${log.slice(0, 2000)}`);
  if (stuck) throw new Error(`the server did not answer an ordinary edit after the bad files: ${stuck.message}`);
}));
