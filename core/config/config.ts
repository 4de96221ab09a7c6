// User configuration: per-rule severity or `off`, rule options, and the workflow type.
// The same shape comes from `.asl-guard.json` (CLI and server) and from `aslGuard.*` settings.
import { SEVERITIES, type Severity } from '../findings/types';
import type { RuleMeta } from '../rules/define-rule';
import { checkListOption } from './patterns';

export type WorkflowType = 'STANDARD' | 'EXPRESS';
export type RuleLevel = Severity | 'off';

/** One rule's entry, as a user writes it: a level, or a level with options. */
export type RuleSetting = RuleLevel | { severity?: RuleLevel; options?: Record<string, unknown> };

/** The raw shape of `.asl-guard.json` and of the `aslGuard` settings section. */
export interface UserConfig {
  rules?: Record<string, RuleSetting>;
  workflowType?: WorkflowType;
}

export interface ResolvedConfig {
  /** Rule code -> level; a missing code means the rule's default severity. */
  levels: ReadonlyMap<string, RuleLevel>;
  /**
   * Rule code -> user options (merged over defaults when a rule runs). Glob options
   * (core/config/patterns.ts) hold the compiled regular-expression sources, not the globs.
   */
  options: ReadonlyMap<string, Record<string, unknown>>;
  workflowType: WorkflowType;
}

export const DEFAULT_CONFIG: ResolvedConfig = { levels: new Map(), options: new Map(), workflowType: 'STANDARD' };

const LEVELS: readonly string[] = [...SEVERITIES, 'off'];

/**
 * Validates user configuration against the rule catalog. Unknown rules, levels and options are
 * reported as problems and ignored; it never throws.
 * @example resolveConfig([{ rules: { SEC001: 'off' } }], rules).config.levels.get('SEC001') === 'off'
 */
export function resolveConfig(layers: readonly unknown[], rules: readonly RuleMeta[]): { config: ResolvedConfig; problems: string[] } {
  const problems: string[] = [];
  const levels = new Map<string, RuleLevel>();
  const options = new Map<string, Record<string, unknown>>();
  let workflowType: WorkflowType = 'STANDARD';
  const byKey = new Map<string, RuleMeta>();
  for (const rule of rules) {
    byKey.set(rule.code.toUpperCase(), rule);
    byKey.set(rule.name.toUpperCase(), rule);
  }
  for (const layer of layers) {
    if (layer === undefined || layer === null) continue;
    if (typeof layer !== 'object' || Array.isArray(layer)) {
      problems.push('Configuration must be an object.');
      continue;
    }
    const { rules: ruleSettings, workflowType: type } = layer as UserConfig;
    if (type !== undefined) {
      const upper = typeof type === 'string' ? type.toUpperCase() : '';
      if (upper === 'STANDARD' || upper === 'EXPRESS') workflowType = upper;
      else problems.push(`workflowType must be "STANDARD" or "EXPRESS", not ${JSON.stringify(type)}.`);
    }
    if (ruleSettings === undefined || ruleSettings === null) continue;
    if (typeof ruleSettings !== 'object' || Array.isArray(ruleSettings)) {
      problems.push('"rules" must be an object of rule ids to levels.');
      continue;
    }
    for (const [key, setting] of Object.entries(ruleSettings)) {
      const rule = byKey.get(key.toUpperCase());
      if (!rule) {
        problems.push(`Unknown rule "${key}".`);
        continue;
      }
      const level = typeof setting === 'object' && setting !== null ? setting.severity : setting;
      if (level !== undefined) {
        if (typeof level === 'string' && LEVELS.includes(level.toLowerCase())) levels.set(rule.code, level.toLowerCase() as RuleLevel);
        else problems.push(`Rule ${rule.code}: level must be one of ${LEVELS.join(', ')}, not ${JSON.stringify(level)}.`);
      }
      if (typeof setting === 'object' && setting !== null && setting.options !== undefined) {
        const valid = validateOptions(rule, setting.options, problems);
        options.set(rule.code, { ...(options.get(rule.code) ?? {}), ...valid });
      }
    }
  }
  return { config: { levels, options, workflowType }, problems };
}

function validateOptions(rule: RuleMeta, raw: unknown, problems: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(`Rule ${rule.code}: options must be an object.`);
    return out;
  }
  for (const [name, value] of Object.entries(raw)) {
    const spec = rule.options[name];
    if (!spec) {
      problems.push(`Rule ${rule.code}: unknown option "${name}".`);
      continue;
    }
    if (spec.type === 'string[]') {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[name] = checkListOption(rule.code, name, value, problems);
      else problems.push(`Rule ${rule.code}: option "${name}" must be a string[].`);
    } else if (typeof value === spec.type && (spec.type !== 'number' || Number.isFinite(value))) {
      out[name] = value;
    } else {
      problems.push(`Rule ${rule.code}: option "${name}" must be a ${spec.type === 'number' ? 'finite number' : spec.type}.`);
    }
  }
  return out;
}

/** A rule's options with defaults filled in. */
export function optionsFor(rule: RuleMeta, config: ResolvedConfig): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.options)) out[name] = spec.default;
  return { ...out, ...(config.options.get(rule.code) ?? {}) };
}
