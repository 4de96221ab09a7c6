// Test helpers: analyse inline text or a fixture and read findings back with 1-based positions.
import { analyze, formatForPath, LineIndex, loadConfig, type Finding } from '../../core';

export function findingsOf(text: string, format: 'json' | 'yaml' = 'json', config?: unknown): Finding[] {
  const resolved = config ? loadConfig(config).config : undefined;
  return analyze(text, { format, config: resolved }).findings;
}

export function findingsOfFile(path: string, text: string, config?: unknown): Finding[] {
  return findingsOf(text, formatForPath(path), config);
}

/** `line:column`, both 1-based, of a finding's start. */
export function startOf(text: string, finding: Finding): string {
  const p = new LineIndex(text).positionAt(finding.offset);
  return `${p.line + 1}:${p.character + 1}`;
}

/** Builds a JSON definition from a States object (StartAt = first state). */
export function machine(states: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ StartAt: Object.keys(states)[0], States: states, ...extra }, null, 2);
}
