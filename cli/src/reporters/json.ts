// JSON reporter: DESIGN.md's shape, `{ files: [{ path, findings: [...] }] }` with 0-based ranges and
// RFC 6901 pointers; suppressed findings are left out; a file that could not be scanned has `error`.
import { escapeStructuredText } from '../terminal-text';
import type { FileReport, Reporter } from './types';

/** One file of the JSON report. */
export interface JsonFile {
  path: string;
  findings: {
    ruleId: string;
    severity: string;
    message: string;
    pointer: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
  error?: string;
}

/** Renders the JSON report (pretty-printed, with a final newline). */
export const renderJson: Reporter = (files) => {
  const out: { files: JsonFile[] } = { files: files.map(toJsonFile) };
  return `${escapeStructuredText(JSON.stringify(out, null, 2))}\n`;
};

function toJsonFile(file: FileReport): JsonFile {
  const json: JsonFile = {
    path: file.path,
    findings: file.findings
      .filter((f) => !f.suppressed)
      .map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        pointer: f.pointer,
        range: {
          start: { line: f.range.start.line, character: f.range.start.character },
          end: { line: f.range.end.line, character: f.range.end.character },
        },
      })),
  };
  if (file.error !== undefined) json.error = file.error;
  return json;
}
