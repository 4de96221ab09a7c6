// Runs extension-host tests (the @vscode/test-electron model: a module exporting run() that uses
// the vscode API) INSIDE code-server's Node extension host. The workbench honours
// ?payload=[["extensionDevelopmentPath",..],["extensionTestsPath",..]] only when code-server runs with
// `--vscode-option enable-smoke-test-driver`, and reports run()'s outcome via window.codeAutomationExit.
//   usage: node exthost-runner.mjs http://127.0.0.1:PORT /abs/workspace /abs/extension-dir /abs/tests.js
import { appendFileSync, mkdirSync } from 'node:fs';
import { launchBrowser } from './browser.mjs';

const [, , base, folder, devPath, testsPath] = process.argv;
if (!testsPath) {
  console.error('usage: node exthost-runner.mjs BASE_URL WORKSPACE EXTENSION_DIR TESTS_JS');
  process.exit(2);
}
const TIMEOUT_MS = Number(process.env.E2E_EXTHOST_TIMEOUT_MS ?? 180_000);
const results = process.env.E2E_RESULTS ?? '.';
mkdirSync(`${results}/logs`, { recursive: true });

// vscode-remote:// URIs make the workbench load both into the remote (Node) extension host.
const remote = (p) => `vscode-remote://${new URL(base).host}${p}`;
const payload = JSON.stringify([['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)]]);
const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;

const browser = await launchBrowser();
const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
// Renderer and extension-host console lines both arrive here: keep all of them in a file, echo
// everything except the workbench's own chatter.
const logFile = `${results}/logs/exthost-console.log`;
const NOISE = /^(Resolving connection|Resolved connection|Creating a socket|Updating additional|\[[^\]]+\]|Timed out waiting for authentication provider|connect ECONNREFUSED 127\.0\.0\.1:9|%c)/;
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  appendFileSync(logFile, `[${type}] ${line}\n`);
  if (!NOISE.test(line)) console.log(`  | ${line}`);
});
const started = Date.now();
await page.goto(url);
let timer;
const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve(`timeout after ${TIMEOUT_MS / 1000}s`), TIMEOUT_MS)))]);
clearTimeout(timer);
if (code !== 0) await page.screenshot({ path: `${results}/exthost-failure.png` }).catch(() => {});
await browser.close();
console.log(`extension-host tests: exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(code === 0 ? 0 : 1);
