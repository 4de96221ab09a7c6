// Runs the extension-host tests (dist/test/exthost.js) in real desktop VS Code through
// @vscode/test-electron. Where VS Code cannot be downloaded (offline, proxy) it prints
// "skipped: VS Code could not be downloaded (<reason>)" and exits 0; a failing test exits 1.
//   VSCODE_EXECUTABLE=/path/to/code  use an installed VS Code instead of downloading one
//   VSCODE_VERSION=1.95.0             the version to download (default: stable)
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const testsPath = join(root, 'dist', 'test', 'exthost.js');
if (!existsSync(testsPath) || !existsSync(join(root, 'dist', 'server.js'))) {
  console.error(`${testsPath} or dist/server.js is missing: run \`npm run build\` first (npm run test:electron does).`);
  process.exit(1);
}

const skip = (reason) => {
  console.log(`skipped: ${reason}`);
  process.exit(0);
};

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
if (!vscodeExecutablePath) {
  try {
    // `timeout` is an idle timeout: with no network the request fails or stalls, and either ends here.
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION ?? 'stable',
      cachePath: join(root, '.vscode-test'),
      timeout: 15_000,
    });
  } catch (error) {
    const reason = String(error?.message ?? error).split('\n')[0];
    skip(`VS Code could not be downloaded (${reason})`);
  }
}

// Electron needs a display on Linux: use xvfb-run when there is none, or say why it cannot run.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.ASL_GUARD_UNDER_XVFB) {
  if (spawnSync('xvfb-run', ['--help']).error) skip('VS Code needs a display and neither DISPLAY nor xvfb-run is available');
  const env = { ...process.env, ASL_GUARD_UNDER_XVFB: '1', VSCODE_EXECUTABLE: vscodeExecutablePath };
  const result = spawnSync('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit', env });
  process.exit(result.status ?? 1);
}

const workspace = mkdtempSync(join(tmpdir(), 'asl-guard-electron-'));
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: testsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(workspace, '.user-data')}`],
  });
  console.log('electron: extension-host tests passed');
} catch (error) {
  console.error(`electron: extension-host tests failed: ${error?.message ?? error}`);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
