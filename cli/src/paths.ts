// Path helpers shared by the scan command and the SARIF reporter.
import { isAbsolute, relative, sep } from 'node:path';

/**
 * `absolutePath` relative to `dir` when it lies inside it, else undefined.
 * @example relativeInside('/repo/flows/a.asl.json', '/repo') === 'flows/a.asl.json'
 */
export function relativeInside(absolutePath: string, dir: string): string | undefined {
  const rel = relative(dir, absolutePath);
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel;
}
