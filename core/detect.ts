// The detector's façade: "is this plain JSON/YAML text a state machine?" without the analysis
// engine, so the VS Code client bundles only this (JSON through JSON.parse / jsonc-parser, YAML by
// reading the root keys, core/detect-yaml.ts). The answer comes from decoded keys, however spelled.
import { rootKeysOfYaml } from './detect-yaml';
import type { DocumentFormat } from './parse';
import { parseJson } from './parse/json';

/**
 * True when the text looks like a state machine definition: its root object has both
 * `StartAt` and `States`, keys compared after decoding (`"Start\u0041t"`, `'StartAt'`, `"Start\x41t"`).
 * Used to pick plain `.json`/`.yaml` files.
 * @example looksLikeStateMachine('StartAt: A\nStates: {}\n', 'yaml') === true
 * @example looksLikeStateMachine('{"Start\\u0041t": "A", "States": {}}', 'json') === true
 */
export function looksLikeStateMachine(text: string, format: DocumentFormat): boolean {
  // A letter of a key spelled other than literally comes from a \u, \x or \U escape (JSON has only \u;
  // YAML's other escapes give no letters): without one, both names must appear as they are.
  if ((!text.includes('StartAt') || !text.includes('States')) && !hasHexEscape(text)) return false;
  const keys = format === 'json' ? rootKeysOfJson(text) : rootKeysOfYaml(text);
  return keys.has('StartAt') && keys.has('States');
}

function hasHexEscape(text: string): boolean {
  return text.includes('\\u') || text.includes('\\x') || text.includes('\\U');
}

function rootKeysOfJson(text: string): Set<unknown> {
  // Strict JSON (nearly every file) is read natively, several times faster than building a tree;
  // jsonc-parser's error recovery decides only texts JSON.parse refuses, with the same keys otherwise.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return rootKeysOfJsonc(text);
  }
  return new Set(value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []);
}

function rootKeysOfJsonc(text: string): Set<unknown> {
  const { root } = parseJson(text);
  return new Set(root?.type === 'object' ? root.children?.map((p) => p.children?.[0]?.value) : []);
}
