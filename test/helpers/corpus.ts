// Inputs for the property tests: the shared real-world corpus when it is there (a plain clone of the
// repository has no ../shared), and the project's own definitions, which every clone has.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The shared corpus: `ASL_GUARD_CORPUS` (`.ci/run` sets it and insists on it under `CI=true`), else `../shared/corpus`. */
export const CORPUS = process.env.ASL_GUARD_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');

/**
 * `false` when the corpus is there, else the one-line reason a test that needs it is skipped,
 * for `test(name, { skip: NO_CORPUS }, fn)`.
 */
export const NO_CORPUS: false | string = existsSync(join(CORPUS, 'asl'))
  ? false
  : `the shared corpus is not at ${CORPUS} (a plain clone has none; set ASL_GUARD_CORPUS to run these)`;

/** A definition file: a name to report and its text. */
export interface SampleFile {
  name: string;
  text: string;
}

/** Files of `corpus/<part>` (sorted) whose name passes `keep`; none when the corpus is absent. */
export function corpusFiles(part: 'asl' | 'templates', keep: (name: string) => boolean = () => true): SampleFile[] {
  const dir = join(CORPUS, part);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(keep)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Where the project keeps definitions of its own: rule fixtures, examples, the e2e workspace. */
const OWN_FOLDERS = ['test/rules', 'examples', 'test/e2e/workspace', 'test/grammar'];

/** The project's own definition files (sorted by path) whose path passes `keep`. */
export function ownFiles(keep: (path: string) => boolean): SampleFile[] {
  const out: SampleFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (keep(path)) out.push({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') });
    }
  };
  for (const folder of OWN_FOLDERS) walk(join(ROOT, folder));
  return out;
}

/** The project's own JSON definitions (`*.asl.json`; snapshots and options files are not definitions). */
export const ownJsonDefinitions = (): SampleFile[] => ownFiles((p) => p.endsWith('.asl.json'));

/** The project's own YAML files (definitions and YAML fixtures). */
export const ownYamlFiles = (): SampleFile[] => ownFiles((p) => /\.ya?ml$/.test(p));

/** Definitions from the benchmark's generator (every state type, nested scopes), at a few sizes. */
export async function generatedDefinitions(sizes: number[] = [5, 12, 40]): Promise<SampleFile[]> {
  const { generateText } = (await import('../../bench/generate-definition.mjs')) as { generateText(n: number): string };
  return sizes.map((n) => ({ name: `generated-${n}.asl.json`, text: generateText(n) }));
}
