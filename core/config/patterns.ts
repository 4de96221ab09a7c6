// Name and value patterns from user configuration (`extraKeys`, `allowValues`, `extraNames`) are
// globs, compiled here into regular expressions that cannot backtrack: a workspace's config must not
// be able to make the engine run a catastrophic regex (`^(a+)+$`) over a document's keys.

/**
 * Rule options whose entries are globs. The rules compile each entry with `new RegExp(entry, 'i')`,
 * so the resolved configuration hands them the sources {@link globToRegexSource} builds.
 */
export const PATTERN_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  SEC001: ['allowValues', 'extraKeys'],
  SEC003: ['extraNames'],
};

/** `string[]` options that hold plain words, compared for equality (never compiled). */
export const WORD_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  SEC006: ['referenceSuffixes'],
};

/** At most this many entries per list option; the rest are dropped with a problem. */
export const MAX_LIST_ENTRIES = 32;
/** Longest entry of a list option, in characters; longer ones are dropped with a problem. */
export const MAX_ENTRY_LENGTH = 128;

/** True when `option` of rule `code` is a glob list. */
export function isPatternOption(code: string, option: string): boolean {
  return PATTERN_OPTIONS[code]?.includes(option) ?? false;
}

const SPECIAL = /[\\^$.*+?()[\]{}|/]/g;
const ANY = '[\\s\\S]';

function literal(segment: string): string {
  return segment.replace(SPECIAL, (c) => (c === '?' ? ANY : `\\${c}`));
}

/**
 * The regular-expression source of a glob: `*` matches any run of characters, `?` one character,
 * everything else itself; the glob must match the whole text (the rules add the `i` flag).
 *
 * Every middle segment is matched at its first occurrence and kept there: `(?=(…*?seg))\N` is an
 * atomic group in JavaScript, so the engine never tries a later occurrence. For globs that is
 * enough (an earlier end leaves more room for the rest), and it makes a test cost at most
 * text length × glob length character comparisons, whatever the glob and the text.
 * @example new RegExp(globToRegexSource('x-*-sig'), 'i').test('X-Partner-Sig') === true
 * @example new RegExp(globToRegexSource('x-*-sig'), 'i').test('x-sig') === false
 */
export function globToRegexSource(glob: string): string {
  const segments = glob.split('*');
  if (segments.length === 1) return `^${literal(glob)}$`;
  let source = `^${literal(segments[0])}`;
  let group = 0;
  for (const segment of segments.slice(1, -1)) {
    if (segment) source += `(?=(${ANY}*?${literal(segment)}))\\${++group}`;
  }
  return `${source}${ANY}*${literal(segments[segments.length - 1])}$`;
}

/** Characters that suggest a regular expression written before options became globs. */
const REGEX_LIKE = /[\\^()[\]{}|+]|[^.]\$$/;

/**
 * Checks one list option's entries (already known to be strings) against the limits and returns
 * what the rule receives: compiled sources for glob options, the words themselves otherwise.
 * Problems are pushed as sentences naming the rule and option.
 */
export function checkListOption(code: string, option: string, entries: readonly string[], problems: string[]): string[] {
  const where = `Rule ${code}: option "${option}"`;
  const glob = isPatternOption(code, option);
  if (entries.length > MAX_LIST_ENTRIES) problems.push(`${where} has ${entries.length} entries; only the first ${MAX_LIST_ENTRIES} are used.`);
  const out: string[] = [];
  for (const entry of entries.slice(0, MAX_LIST_ENTRIES)) {
    if (entry.length > MAX_ENTRY_LENGTH) {
      problems.push(`${where}: an entry of ${entry.length} characters is longer than ${MAX_ENTRY_LENGTH}; it is ignored.`);
      continue;
    }
    if (!glob) {
      out.push(entry);
      continue;
    }
    if (REGEX_LIKE.test(entry)) {
      problems.push(`${where}: ${JSON.stringify(entry)} looks like a regular expression, but entries are globs (* any characters, ? one character, matched against the whole name or value); it matches only that exact text.`);
    }
    out.push(globToRegexSource(entry));
  }
  return out;
}
