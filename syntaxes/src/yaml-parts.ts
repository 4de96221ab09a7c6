// Building blocks of the YAML grammar: keys in every quoting style, blocks that last while lines
// are indented deeper (`while` rules), one-line `key: value` rules, scalars and flow collections.
import { FIELD_NAMES, HOSTS, PATH_FIELD, PAYLOAD_FIELDS, STATE_TYPES, TRANSITION_FIELDS, oneOf, type Repository, type Rule } from './shared';

const PLAIN_FIRST = String.raw`(?:[^\s\-?:,\[\]{}#&*!|>'"%@` + '`' + String.raw`]|[-?:](?=\S))`;
const PLAIN_REST = String.raw`(?:[^:#]|:(?=\S)|(?<=\S)#)`;
const PLAIN_START = String.raw`(?=${PLAIN_FIRST})`;
export const PLAIN_END = String.raw`(?=[ \t]+#|[ \t]*$)`;
const KEY_COLON = String.raw`[ \t]*(:)(?=[ \t]|$)`;
const ANY_KEY = String.raw`(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|${PLAIN_FIRST}${PLAIN_REST}*?)[ \t]*:(?=[ \t]|$)`;

/** One part of a key name, written for each quoting style (double, single, plain). */
export interface NamePart {
  dq: string;
  sq: string;
  plain: string;
  scope?: string;
}

/** A key in any quoting style, as capture groups numbered from `first`. */
function key(parts: NamePart[], keyScope: string, first: number): { re: string; captures: Record<number, { name: string }>; next: number } {
  const captures: Record<number, { name: string }> = { [first]: { name: keyScope } };
  let n = first + 1;
  const style = (open: string, close: string, pick: (p: NamePart) => string, quoteScope: string): string => {
    let re = '';
    if (open) {
      captures[n++] = { name: `punctuation.definition.string.begin.${quoteScope}` };
      re += `(${open})`;
    }
    for (const p of parts) {
      if (p.scope) captures[n] = { name: p.scope };
      n++;
      re += `(${pick(p)})`;
    }
    if (close) {
      captures[n++] = { name: `punctuation.definition.string.end.${quoteScope}` };
      re += `(${close})`;
    }
    return re;
  };
  const dq = style('"', '"', (p) => p.dq, 'asl-yaml');
  const sq = style("'", "'", (p) => p.sq, 'asl-yaml');
  const plain = style('', '', (p) => p.plain, 'asl-yaml');
  return { re: `((?:${dq}|${sq}|${plain}))`, captures, next: n };
}

export const word = (re: string): NamePart[] => [{ dq: re, sq: re, plain: re }];
export const ANY_NAME: NamePart[] = [{ dq: String.raw`(?:[^"\\]|\\.)*`, sq: "(?:[^']|'')*", plain: `${PLAIN_FIRST}${PLAIN_REST}*?` }];
export const PATH_NAME: NamePart[] = [
  { dq: String.raw`(?:[^"\\]|\\.)*?`, sq: "(?:[^']|'')*?", plain: `(?:${PLAIN_FIRST}${PLAIN_REST}*?)?` },
  { dq: String.raw`\.\$`, sq: String.raw`\.\$`, plain: String.raw`\.\$`, scope: 'keyword.other.path-key-suffix.asl' },
];

const COLON = { name: 'punctuation.separator.key-value.mapping.asl-yaml' };
const DASH = { name: 'punctuation.definition.block.sequence.item.asl-yaml' };
/** The rest of a key's line when its value is a block scalar (`|`, `>-`), maybe after an anchor or tag. */
export const BLOCK_SCALAR_AHEAD = String.raw`(?=(?:[ \t]+[&!]\S*)*[ \t]+[|>][-+1-9]*[ \t]*(?:#.*)?$)`;

/**
 * `key:` at the start of a line (or after `- `) and every line indented deeper below it: used where
 * the key switches context (`States`, a state, a payload field) and for block scalars. A `while`
 * with a back-reference is recompiled per line, so plain keys use {@link keyLine} instead.
 */
export function block(parts: NamePart[], keyScope: string, inline: string, children?: string, ahead = '', comment?: string): Rule[] {
  const plainKey = key(parts, keyScope, 2);
  const dashKey = key(parts, keyScope, 4);
  const patterns = children ? [{ include: children }, { include: inline }] : [{ include: inline }];
  return [
    {
      ...(comment ? { comment } : {}),
      begin: String.raw`^([ ]*)${plainKey.re}${KEY_COLON}${ahead}`,
      while: String.raw`^(?=\1[ ]|\1-(?:[ \t]|$)|[ \t]*$|[ \t]*#)`,
      beginCaptures: { ...plainKey.captures, [plainKey.next]: COLON },
      patterns,
    },
    {
      begin: String.raw`^([ ]*)(-)([ ]+)${dashKey.re}${KEY_COLON}${ahead}`,
      while: String.raw`^(?=\1[ ]\3[ ]|\1[ ]\3-(?:[ \t]|$)|[ \t]*$|[ \t]*#)`,
      beginCaptures: { 2: DASH, ...dashKey.captures, [dashKey.next]: COLON },
      patterns,
    },
  ];
}

/** `key: value` on one line (or after `- `); deeper lines stay in the surrounding context. */
export function keyLine(parts: NamePart[], keyScope: string, inline: string, comment?: string): Rule {
  const k = key(parts, keyScope, 4);
  return {
    ...(comment ? { comment } : {}),
    begin: String.raw`^([ ]*)(?:(-)([ ]+))?${k.re}${KEY_COLON}`,
    end: '$',
    beginCaptures: { 2: DASH, ...k.captures, [k.next]: COLON },
    patterns: [{ include: inline }],
  };
}

/** `- value` (not `- key: value`); a `- |` block scalar lasts while lines are indented deeper. */
export function sequenceItems(): Rule[] {
  return [
    {
      begin: String.raw`^([ ]*)(-)${BLOCK_SCALAR_AHEAD}`,
      while: String.raw`^(?=\1[ ]|[ \t]*$)`,
      beginCaptures: { 2: DASH },
      patterns: [{ include: '#inline' }],
    },
    { match: String.raw`^[ ]*(-)(?=[ \t]|$)(?![ \t]+${ANY_KEY})`, captures: { 1: DASH } },
  ];
}

/** A scalar in any quoting style whose whole text matches `words`, e.g. a state type. */
export function wordScalar(words: string, scope: string, end: string): Rule {
  return {
    match: String.raw`(?:((")(${words})("))|((')(${words})('))|((${words})${end}))`,
    captures: {
      1: { name: 'string.quoted.double.asl-yaml' },
      2: { name: 'punctuation.definition.string.begin.asl-yaml' },
      3: { name: scope },
      4: { name: 'punctuation.definition.string.end.asl-yaml' },
      5: { name: 'string.quoted.single.asl-yaml' },
      6: { name: 'punctuation.definition.string.begin.asl-yaml' },
      7: { name: scope },
      8: { name: 'punctuation.definition.string.end.asl-yaml' },
      9: { name: 'string.unquoted.plain.out.asl-yaml' },
      10: { name: scope },
    },
  };
}

export function dq(patterns: Rule[], contentName?: string): Rule {
  return {
    begin: '"',
    end: '"',
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.asl-yaml' } },
    endCaptures: { 0: { name: 'punctuation.definition.string.end.asl-yaml' } },
    name: 'string.quoted.double.asl-yaml',
    ...(contentName ? { contentName } : {}),
    patterns: [...patterns, { match: HOSTS.ydq.escape!.match, name: 'constant.character.escape.asl-yaml' }, { match: String.raw`\\.`, name: 'invalid.illegal.unrecognized-string-escape.asl-yaml' }],
  };
}

export function sq(patterns: Rule[], contentName?: string): Rule {
  return {
    begin: "'",
    end: "'(?!')",
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.asl-yaml' } },
    endCaptures: { 0: { name: 'punctuation.definition.string.end.asl-yaml' } },
    name: 'string.quoted.single.asl-yaml',
    ...(contentName ? { contentName } : {}),
    patterns: [...patterns, { match: "''", name: 'constant.character.escape.asl-yaml' }],
  };
}

export function plain(patterns: Rule[], end: string, name = 'string.unquoted.plain.out.asl-yaml', contentName?: string): Rule {
  return { begin: PLAIN_START, end, name, ...(contentName ? { contentName } : {}), patterns };
}

/** Flow collections (`[...]`, `{...}`) for one context; `asl` knows field names, `payload` does not. */
export function flowRules(context: 'asl' | 'payload', fieldKey: string, otherKey: string, pathKeyScope: string, flowConstants: Rule): Repository {
  const c = context;
  const flowKey = (name: string) => String.raw`(?:"${name}"|'${name}'|${name})`;
  const pair = (keyRe: string, keyScope: string, values: Rule[]): Rule => ({
    begin: String.raw`(${keyRe})[ \t]*(:)(?=[\s,\[\]{}]|$)`,
    end: String.raw`(?=[,}\]])`,
    beginCaptures: { 1: { name: keyScope }, 2: COLON },
    patterns: [{ include: '#comment' }, { include: '#properties' }, ...values, { include: `#flow-value-${c}` }],
  });
  const flowPlain = (patterns: Rule[], contentName?: string) => plain(patterns, HOSTS.yflow.end, 'string.unquoted.plain.in.asl-yaml', contentName);
  const pathValues = [dq([{ include: '#path-content-ydq' }]), sq([{ include: '#path-content-ysq' }]), flowConstants, flowPlain([{ include: '#path-content-yflow' }])];
  const pathPair: Rule = {
    begin: String.raw`((?:"(?:[^"\\]|\\.)*?(\.\$)"|'(?:[^']|'')*?(\.\$)'|[^\s#'"\[\]{},:][^\[\]{},:#]*?(\.\$)))[ \t]*(:)(?=[\s,\[\]{}]|$)`,
    end: String.raw`(?=[,}\]])`,
    beginCaptures: {
      1: { name: pathKeyScope },
      2: { name: 'keyword.other.path-key-suffix.asl' },
      3: { name: 'keyword.other.path-key-suffix.asl' },
      4: { name: 'keyword.other.path-key-suffix.asl' },
      5: COLON,
    },
    patterns: [{ include: '#comment' }, { include: '#properties' }, ...pathValues, { include: `#flow-value-${c}` }],
  };
  const anyFlowKey = String.raw`"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\[\]{},:][^\[\]{},:#]*?`;
  const pairs: Rule[] = [pathPair];
  if (c === 'asl') {
    pairs.push(
      pair(flowKey('Type'), fieldKey, [wordScalar(oneOf(STATE_TYPES), 'support.type.state-type.asl', String.raw`(?=[ \t]*[,\]}#]|[ \t]*$)`)]),
      pair(flowKey(oneOf(TRANSITION_FIELDS)), fieldKey, [
        dq([{ include: '#placeholder' }], 'entity.name.function.state.asl'),
        sq([{ include: '#placeholder' }], 'entity.name.function.state.asl'),
        flowPlain([{ include: '#placeholder' }], 'entity.name.function.state.asl'),
      ]),
      pair(flowKey(PATH_FIELD), fieldKey, pathValues),
      pair(flowKey('States'), fieldKey, [{ include: '#flow-states' }]),
      pair(flowKey(oneOf(PAYLOAD_FIELDS)), fieldKey, [{ include: '#flow-value-payload' }]),
      pair(flowKey(oneOf(FIELD_NAMES)), fieldKey, []),
    );
  }
  pairs.push(pair(anyFlowKey, otherKey, []));
  const states: Repository = c === 'asl' ? {
    'flow-states': {
      comment: 'A `States: { ... }` flow mapping: its keys name states.',
      begin: String.raw`\{`,
      end: String.raw`\}`,
      beginCaptures: { 0: { name: 'punctuation.definition.mapping.begin.asl-yaml' } },
      endCaptures: { 0: { name: 'punctuation.definition.mapping.end.asl-yaml' } },
      name: 'meta.flow-mapping.asl-yaml',
      patterns: [{ include: '#comment' }, pair(anyFlowKey, 'entity.name.function.state.asl', []), { match: ',', name: 'punctuation.separator.mapping.asl-yaml' }],
    },
  } : {};
  return {
    ...states,
    [`flow-sequence-${c}`]: {
      begin: String.raw`\[`,
      end: String.raw`\]`,
      beginCaptures: { 0: { name: 'punctuation.definition.sequence.begin.asl-yaml' } },
      endCaptures: { 0: { name: 'punctuation.definition.sequence.end.asl-yaml' } },
      name: 'meta.flow-sequence.asl-yaml',
      patterns: [{ include: `#flow-pair-${c}` }, { include: `#flow-value-${c}` }, { match: ',', name: 'punctuation.separator.sequence.asl-yaml' }],
    },
    [`flow-mapping-${c}`]: {
      begin: String.raw`\{`,
      end: String.raw`\}`,
      beginCaptures: { 0: { name: 'punctuation.definition.mapping.begin.asl-yaml' } },
      endCaptures: { 0: { name: 'punctuation.definition.mapping.end.asl-yaml' } },
      name: 'meta.flow-mapping.asl-yaml',
      patterns: [{ include: `#flow-pair-${c}` }, { match: ',', name: 'punctuation.separator.mapping.asl-yaml' }, { include: `#flow-value-${c}` }],
    },
    [`flow-pair-${c}`]: { patterns: pairs },
    [`flow-value-${c}`]: {
      patterns: [
        { include: '#comment' }, { include: '#properties' }, { include: `#flow-sequence-${c}` }, { include: `#flow-mapping-${c}` },
        { include: '#double-quoted' }, { include: '#single-quoted' }, flowConstants,
        flowPlain([{ include: '#arn-yflow' }, { include: '#error-name-yflow' }, { include: '#placeholder' }]),
      ],
    },
  };
}
