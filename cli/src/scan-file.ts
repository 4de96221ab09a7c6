// Scans one discovered file: reads its bytes, decides whether it is a definition, runs the engine
// and positions the findings. Any failure becomes the file's `error`, never an exception.
import * as nodeFs from 'node:fs';
import { analyzeSource, decodeSource, formatForPath, LineIndex, looksLikeStateMachine, type ResolvedConfig } from '../../core';
import { describeFsError, oneLine } from './cli-error';
import type { Candidate } from './discover';
import type { FileReport } from './reporters/types';
import { formatBytes, MAX_FILE_BYTES } from './source';
import { BUGS_URL } from './version';

/** The one file-system call scanning a file makes. */
export interface ReadFs {
  readFileSync(path: string): Uint8Array;
}

export interface ScanFileOptions {
  config: ResolvedConfig | undefined;
  fs?: ReadFs;
  maxBytes?: number;
}

/**
 * The report for one file, or undefined when a sniffed `.json`/`.yaml` file turns out not to be
 * a state machine (too large, not text, or no root `StartAt` + `States`). A named or `*.asl.*` file
 * that is not text (NUL bytes, invalid UTF-8) is reported as its one ASL001 finding, not as an error.
 */
export function scanFile(candidate: Candidate, shownPath: string, options: ScanFileOptions): FileReport | undefined {
  const { fs = nodeFs, maxBytes = MAX_FILE_BYTES } = options;
  const sniff = candidate.kind === 'sniff';
  const report = (error: string): FileReport => ({ path: shownPath, absolutePath: candidate.path, findings: [], error });
  // AWS caps a definition at 1 MB, so a huge file found by sniffing is data, not a definition.
  if (candidate.size > maxBytes) return sniff ? undefined : report(`file is ${formatBytes(candidate.size)}, over the ${formatBytes(maxBytes)} limit; not scanned`);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(candidate.path);
  } catch (error) {
    return report(`cannot read file: ${describeFsError(error)}`);
  }
  if (bytes.length > maxBytes) return sniff ? undefined : report(`file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit; not scanned`);
  const decoded = decodeSource(bytes);
  const format = formatForPath(candidate.path);
  try {
    // A file that is not clean text is judged by its lenient decoding: one stray byte must not hide a definition.
    if (sniff && !looksLikeStateMachine(decoded.text, format)) return undefined;
    const { text, findings } = analyzeSource(decoded, { format, config: options.config });
    const lines = findings.length ? new LineIndex(text) : undefined;
    return {
      path: shownPath,
      absolutePath: candidate.path,
      findings: findings.map((f) => ({
        ruleId: f.ruleId,
        ruleName: f.ruleName,
        messageId: f.messageId,
        severity: f.severity,
        message: f.message,
        pointer: f.pointer,
        range: lines!.rangeAt(f.offset, f.length),
        suppressed: f.suppressed === true,
      })),
    };
  } catch (error) {
    // The engine promises never to throw; if it does, say so, name the file, and go on.
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return report(`internal error while analysing this file (a bug in asl-guard; please report it at ${BUGS_URL}): ${oneLine(message)}`);
  }
}
