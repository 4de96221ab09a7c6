// What the reporters receive: per-file results with positions already computed from offsets.
import type { LineRange, RuleMeta, Severity } from '../../../core';

/** One finding, positioned (0-based line and UTF-16 character, as LSP and DESIGN.md's JSON use). */
export interface ReportFinding {
  ruleId: string;
  ruleName: string;
  messageId: string;
  severity: Severity;
  message: string;
  /** RFC 6901 pointer of the node the finding is about. */
  pointer: string;
  range: LineRange;
  /** Silenced by an `asl-guard-disable` Comment: shown only in SARIF (as a suppression). */
  suppressed: boolean;
}

/** The result for one scanned path. */
export interface FileReport {
  /** As shown to the user: relative to the working directory when inside it. */
  path: string;
  /** Absolute path (SARIF builds its URI from it); undefined when the path does not exist. */
  absolutePath: string | undefined;
  findings: ReportFinding[];
  /** Why the file could not be scanned (not found, unreadable, too large, binary, internal error). */
  error?: string;
}

/** Everything a reporter needs besides the files. */
export interface ReportContext {
  rules: readonly RuleMeta[];
  /** The working directory: SARIF URIs are relative to it. */
  cwd: string;
  version: string;
  /** Symbolic links the walk did not follow (they lead out of the scanned folder): notes, not errors. */
  skipped?: readonly { path: string; message: string }[];
}

/** A reporter: a pure function from results and rule metadata to the report text. */
export type Reporter = (files: readonly FileReport[], context: ReportContext) => string;
