// YAML text -> the same syntax tree shape as JSON, through the `yaml` package, with exact offsets.
// Clean YAML of the common shape takes the fast path (fast-yaml.ts), which builds the same tree.
import { parseDocument, type Document } from 'yaml';
import { OffsetTable, type AstNode } from './ast';
import { parseYamlFast } from './fast-yaml';
import { withLoneCrAsLf } from './line-breaks';
import { MAX_NESTING_DEPTH } from './prescan';
import { MAX_YAML_NESTING_DEPTH, yamlTooDeepAt } from './prescan-yaml';
import { EMPTY_DOCUMENT, ONLY_COMMENTS, type SyntaxProblem } from './syntax-problem';
import { AliasCycle, convertDocument, TooDeep, TooManyAliasNodes } from './yaml-convert';
import { yamlProblemMessage } from './yaml-messages';

export interface ParsedYaml {
  root: AstNode | undefined;
  problems: SyntaxProblem[];
}

/** Parses YAML text (lone CRs read as line breaks); never throws. */
export function parseYaml(text: string): ParsedYaml {
  const lf = withLoneCrAsLf(text);
  const fast = parseYamlFast(lf, new OffsetTable());
  return fast ? { root: fast, problems: [] } : packageParse(lf);
}

/** The `yaml` package's parse, converted: the reference the fast path is tested against. */
export function parseYamlWithPackage(text: string): ParsedYaml {
  return packageParse(withLoneCrAsLf(text));
}

function packageParse(text: string): ParsedYaml {
  // The yaml package recurses on nesting; refuse absurd depth before it spends seconds on it.
  const tooDeepAt = yamlTooDeepAt(text);
  if (tooDeepAt !== undefined) {
    return { root: undefined, problems: [{ offset: tooDeepAt, length: 1, message: `Nesting is deeper than ${MAX_YAML_NESTING_DEPTH} levels; the document was not analysed.` }] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: false });
  } catch (error) {
    // The yaml package recurses while composing; a stack overflow on absurd nesting is the one
    // failure we expect from it and it leaves no state behind. Its message is not shown: it may quote the text.
    const message = error instanceof RangeError ? `Nesting is too deep to analyse.` : `The YAML could not be read.`;
    return { root: undefined, problems: [{ offset: 0, length: 1, message }] };
  }
  const problems: SyntaxProblem[] = doc.errors.map((e) => ({
    offset: e.pos[0],
    length: Math.max(1, e.pos[1] - e.pos[0]),
    message: yamlProblemMessage(e.message),
  }));
  if (!text.trim()) problems.push({ offset: 0, length: 0, message: EMPTY_DOCUMENT });
  else if (!doc.contents && !problems.length) problems.push({ offset: 0, length: 0, message: ONLY_COMMENTS });
  let root: AstNode | undefined;
  try {
    root = convertDocument(doc, new OffsetTable(), text.length);
  } catch (error) {
    if (error instanceof TooDeep) {
      problems.push({ offset: error.offset, length: 1, message: `Nesting is deeper than ${MAX_NESTING_DEPTH} levels; the document was not analysed.` });
    } else if (error instanceof TooManyAliasNodes) {
      problems.push({ offset: error.offset, length: error.length, message: `YAML aliases expand to more than ${error.limit.toLocaleString('en-US')} nodes; the document was not analysed.` });
    } else if (error instanceof AliasCycle) {
      problems.push({ offset: error.offset, length: error.length, message: 'A YAML alias refers to a node that contains it, so it would expand without end; the document was not analysed.' });
    } else throw error;
    root = undefined;
  }
  return { root, problems };
}
