// Text reporter for terminals and CI logs: `path:line:col  severity  RULEID  message`, grouped by
// file (1-based positions, clickable in most terminals), then one summary line.
import type { Severity } from '../../../core';
import type { Reporter } from './types';

const SEVERITY_WIDTH = 'warning'.length;

/** Renders the text report; suppressed findings and unreadable files are left to the summary. */
export const renderText: Reporter = (files) => {
  const blocks: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let suppressed = 0;
  let filesWithProblems = 0;
  for (const file of files) {
    const visible = file.findings.filter((f) => !f.suppressed);
    suppressed += file.findings.length - visible.length;
    if (!visible.length) continue;
    filesWithProblems++;
    const locations = visible.map((f) => `${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1}`);
    const width = Math.max(...locations.map((l) => l.length));
    blocks.push(
      visible
        .map((f, i) => {
          counts[f.severity]++;
          return `${locations[i].padEnd(width)}  ${f.severity.padEnd(SEVERITY_WIDTH)}  ${f.ruleId}  ${singleLine(f.message)}`;
        })
        .join('\n'),
    );
  }
  const scanned = files.filter((f) => f.error === undefined).length;
  const failed = files.length - scanned;
  return `${blocks.map((b) => `${b}\n\n`).join('')}${summary(counts, filesWithProblems, scanned, failed, suppressed)}\n`;
};

function summary(counts: Record<Severity, number>, withProblems: number, scanned: number, failed: number, suppressed: number): string {
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
  return parts.join(' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Messages are one line in this format, whatever a rule wrote. */
function singleLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}
