// Fixture helpers for the UI scenarios: where the run's workspace copy is, where a piece of text
// sits in a fixture (1-based line/column for Go to Line), and the CLI's findings as an oracle.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO = process.env.E2E_REPO ?? process.cwd();

/** Absolute path of a file in this run's workspace copy. */
export function wsPath(relativePath, ws = process.env.E2E_WS) {
  if (!ws) throw new Error('E2E_WS is not set: run the suite through test/e2e/run.sh (npm run test:e2e)');
  return join(ws, relativePath);
}

/**
 * 1-based line and column of `needle` in a workspace file (the nth occurrence, default first),
 * plus `offset` characters.
 * @example locate('diagnostics/typo-next.asl.json', '"Reserv"', 1) // { line: 18, column: 16 }
 */
export function locate(relativePath, needle, offset = 0, nth = 1, ws) {
  const text = readFileSync(wsPath(relativePath, ws), 'utf8');
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found in ${relativePath}`);
  }
  at += offset;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** The CLI's findings for a file on disk (JSON report), the independent oracle for scenario 3. */
export function cliFindings(absolutePath) {
  const out = execFileSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'scan', '--format', 'json', '--fail-on', 'none', absolutePath], { encoding: 'utf8' });
  return JSON.parse(out).files.flatMap((f) => f.findings);
}
