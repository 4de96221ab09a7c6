// Text reporter for terminals and CI logs: `path:line:col  severity  RULEID  message`, grouped by
// file (1-based positions, clickable in most terminals), then one summary line. Paths and messages
// come from the scanned repository: control characters are escaped, so each finding is one line.
import type { Severity } from '../../../core';
import { escapeControl } from '../terminal-text';
import type { Reporter } from './types';

const SEVERITY_WIDTH = 'warning'.length;

/** Renders the text report; suppressed findings and unreadable files are left to the summary. */
export const renderText: Reporter = (files, context) => {
  const blocks: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let suppressed = 0;
  let filesWithProblems = 0;
  for (const file of files) {
    const visible = file.findings.filter((f) => !f.suppressed);
    suppressed += file.findings.length - visible.length;
    if (!visible.length) continue;
    filesWithProblems++;
    const path = escapeControl(file.path);
    const locations = visible.map((f) => `${path}:${f.range.start.line + 1}:${f.range.start.character + 1}`);
    const width = Math.max(...locations.map((l) => l.length));
    blocks.push(
      visible
        .map((f, i) => {
          counts[f.severity]++;
          return `${locations[i].padEnd(width)}  ${f.severity.padEnd(SEVERITY_WIDTH)}  ${f.ruleId}  ${escapeControl(singleLine(f.message))}`;
        })
        .join('\n'),
    );
  }
  const scanned = files.filter((f) => f.error === undefined).length;
  const failed = files.length - scanned;
  return `${blocks.map((b) => `${b}\n\n`).join('')}${summary(counts, filesWithProblems, scanned, failed, suppressed, context.skipped?.length ?? 0)}\n`;
};

function summary(counts: Record<Severity, number>, withProblems: number, scanned: number, failed: number, suppressed: number, skipped: number): string {
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const parts: string[] = [];
  if (total === 0) parts.push(`No problems found in ${plural(scanned, 'file')}.`);
  else {
    const bySeverity = (['error', 'warning', 'info', 'hint'] as const)
      .filter((s) => counts[s] > 0)
      .map((s) => (s === 'info' || s === 'hint' ? `${counts[s]} ${s}` : plural(counts[s], s)));
    parts.push(`${plural(total, 'problem')} (${bySeverity.join(', ')}) in ${plural(withProblems, 'file')}; ${plural(scanned, 'file')} scanned.`);
  }
  if (suppressed) parts.push(`${suppressed} suppressed by asl-guard-disable.`);
  if (failed) parts.push(`${plural(failed, 'path')} could not be scanned (errors are listed on stderr).`);
  if (skipped) parts.push(`${plural(skipped, 'symbolic link')} out of the scanned folder not followed (listed on stderr).`);
  return parts.join(' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A rule's line breaks become spaces (a message is one line in this format); split, not a backtracking regex. */
function singleLine(message: string): string {
  return /[\r\n]/.test(message) ? message.split(/[\r\n]+/).map((part) => part.trim()).filter(Boolean).join(' ') : message;
}
