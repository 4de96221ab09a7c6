// SARIF 2.1.0 reporter for GitHub code scanning and other SARIF viewers, modelled on
// microsoft/sarif-js-sdk's ESLint formatter: the full rule catalog in tool.driver.rules, results with
// ruleIndex and 1-based regions, stable partialFingerprints, suppressed findings kept as suppressions.
import { createHash } from 'node:crypto';
import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Severity } from '../../../core';
import { relativeInside } from '../paths';
import { escapeStructuredText } from '../terminal-text';
import { HOMEPAGE } from '../version';
import type { ReportFinding, Reporter } from './types';

/** The schema GitHub's documentation names for uploads. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The uriBaseId of every file inside the working directory. */
export const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * GitHub's `security-severity` (0.1–10; 7.0+ is "high", 4.0+ "medium") for security rules,
 * derived from the rule's default severity so that the catalog stays the one source.
 */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '3.0', hint: '1.0' };

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

/** Renders the SARIF log (pretty-printed, with a final newline). */
export const renderSarif: Reporter = (files, context) => {
  const ruleIndex = new Map(context.rules.map((rule, i) => [rule.code, i]));
  const artifacts: { location: ArtifactLocation }[] = [];
  const results: unknown[] = [];
  const notifications: unknown[] = [];

  for (const file of files) {
    const location = file.absolutePath === undefined ? undefined : artifactLocation(file.absolutePath, context.cwd);
    if (location) {
      location.index = artifacts.length;
      artifacts.push({ location: { uri: location.uri, ...(location.uriBaseId ? { uriBaseId: location.uriBaseId } : {}) } });
    }
    if (file.error !== undefined) {
      notifications.push({
        level: 'error',
        message: { text: `${file.path}: ${file.error}` },
        ...(location ? { locations: [{ physicalLocation: { artifactLocation: location } }] } : {}),
      });
    }
    if (!location) continue;
    const seen = new Map<string, number>();
    for (const finding of file.findings) {
      const index = ruleIndex.get(finding.ruleId);
      const key = fingerprintKey(location.uri, finding);
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      results.push({
        ruleId: finding.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(finding) } }],
        // GitHub matches alerts across runs by primaryLocationLineHash only. Ours hashes the rule,
        // file, JSON pointer and message id (never a value), so it survives reformatting.
        partialFingerprints: { primaryLocationLineHash: `${hash(key)}:${occurrence}` },
        ...(finding.pointer ? { properties: { pointer: finding.pointer } } : {}),
        ...(finding.suppressed ? { suppressions: [{ kind: 'inSource' }] } : {}),
      });
    }
  }

  const failed = notifications.length;
  for (const link of context.skipped ?? []) notifications.push({ level: 'note', message: { text: `${link.path}: ${link.message}` } });

  const run = {
    tool: {
      driver: {
        name: 'asl-guard',
        version: context.version,
        ...(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.test(context.version) ? { semanticVersion: context.version } : {}),
        informationUri: HOMEPAGE,
        rules: context.rules.map(ruleDescriptor),
      },
    },
    invocations: [
      {
        executionSuccessful: failed === 0,
        workingDirectory: { uri: directoryUri(context.cwd) },
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
    artifacts,
    columnKind: 'utf16CodeUnits',
    // Always present: an empty array says "scanned, nothing found" (SARIF §3.14.23).
    results,
  };
  const log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${escapeStructuredText(JSON.stringify(log, null, 2))}\n`;
};

function ruleDescriptor(rule: RuleMeta): unknown {
  const security = rule.category === 'security';
  const cwes = (rule.cwe ?? []).map((c) => c.replace(/^CWE-?/i, '')).filter((c) => /^\d+$/.test(c));
  const tags = [rule.category, ...cwes.map((c) => `external/cwe/cwe-${c}`)];
  const options = Object.entries(rule.options);
  const optionText = options.map(([name, spec]) => `\`${name}\` (default \`${JSON.stringify(spec.default)}\`): ${spec.description}`);
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    help: {
      text: `${rule.description}\n\nDocumentation: ${rule.docsUrl}`,
      markdown: [
        `**${rule.code} ${rule.name}**: ${rule.description}`,
        ...(optionText.length ? ['', 'Options:', ...optionText.map((o) => `- ${o}`)] : []),
        '',
        `[Documentation](${rule.docsUrl})`,
      ].join('\n'),
    },
    helpUri: rule.docsUrl,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags,
      precision: 'high',
      ...(security ? { 'security-severity': SECURITY_SEVERITY[rule.severity] } : { 'problem.severity': rule.severity === 'error' ? 'error' : rule.severity === 'warning' ? 'warning' : 'recommendation' }),
    },
  };
}

/** SARIF regions are 1-based; `endColumn` is the column after the last character. */
function region(finding: ReportFinding): Record<string, number> {
  const { start, end } = finding.range;
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/**
 * A file inside the working directory gets a relative URI with uriBaseId %SRCROOT% (what code
 * scanning matches against the repository); a file outside it, an absolute file: URI.
 */
export function artifactLocation(absolutePath: string, cwd: string): ArtifactLocation {
  const rel = relativeInside(absolutePath, cwd);
  if (rel !== undefined) return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(absolutePath).href };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function fingerprintKey(uri: string, finding: ReportFinding): string {
  return `${finding.ruleId}\u0000${uri}\u0000${finding.pointer}\u0000${finding.messageId}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
