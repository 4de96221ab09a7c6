// Builds syntaxes/asl.tmLanguage.json: a complete JSON-with-comments grammar whose objects know
// where they are (state machine, `States` map, payload template), so keys and values get ASL scopes.
import {
  ENUM_FIELDS, FIELD_NAMES, HOSTS, PATH_FIELD, PAYLOAD_FIELDS, STATE_TYPES, TRANSITION_FIELDS,
  embeddedRules, oneOf, placeholder, type Repository, type Rule,
} from './shared';

const KEY_TEXT = String.raw`(?:[^"\\]|\\.)*`;

/** `"name"` followed by `:`; captures 1 = whole key, 2/4 = quotes, 3 = name, 5 = colon. */
function keyThenColon(name: string, keyScope: string): { begin: string; beginCaptures: Rule } {
  return {
    begin: String.raw`((")(${name})("))\s*(:)`,
    beginCaptures: {
      1: { name: keyScope },
      2: { name: 'punctuation.definition.string.begin.asl' },
      4: { name: 'punctuation.definition.string.end.asl' },
      5: { name: 'punctuation.separator.dictionary.key-value.asl' },
    },
  };
}

/** A `"key": value` member; the value is tokenized with `valuePatterns` until `,` or `}`. */
function member(key: { begin: string; beginCaptures: Rule }, valuePatterns: Rule[], comment?: string): Rule {
  return {
    ...(comment ? { comment } : {}),
    ...key,
    end: String.raw`(,)|(?=\})`,
    endCaptures: { 1: { name: 'punctuation.separator.dictionary.pair.asl' } },
    contentName: 'meta.structure.dictionary.value.asl',
    patterns: [{ include: '#comments' }, ...valuePatterns, { match: String.raw`[^\s,]`, name: 'invalid.illegal.expected-dictionary-separator.asl' }],
  };
}

/** A string whose whole content gets `scope` (a state type, an enum constant). */
function wordString(words: string, scope: string): Rule {
  return {
    match: String.raw`((")(${words})("))`,
    captures: {
      1: { name: 'string.quoted.double.asl' },
      2: { name: 'punctuation.definition.string.begin.asl' },
      3: { name: scope },
      4: { name: 'punctuation.definition.string.end.asl' },
    },
  };
}

function stringRule(patterns: Rule[], contentName?: string): Rule {
  return {
    begin: '"',
    end: '"',
    beginCaptures: { 0: { name: 'punctuation.definition.string.begin.asl' } },
    endCaptures: { 0: { name: 'punctuation.definition.string.end.asl' } },
    name: 'string.quoted.double.asl',
    ...(contentName ? { contentName } : {}),
    patterns: [...patterns, { include: '#string-escape' }],
  };
}

/** Object and array rules for one context: `asl` (fields), `payload` (user data), `states` (state names). */
function objectRule(context: 'asl' | 'payload' | 'states', members: Rule[]): Rule {
  return {
    begin: String.raw`\{`,
    end: String.raw`\}`,
    beginCaptures: { 0: { name: 'punctuation.definition.dictionary.begin.asl' } },
    endCaptures: { 0: { name: 'punctuation.definition.dictionary.end.asl' } },
    name: 'meta.structure.dictionary.asl',
    patterns: [
      { include: '#comments' },
      ...members,
      // A key whose colon is not on the same line, then the value after a lone colon.
      { include: '#objectkey' },
      {
        begin: ':',
        beginCaptures: { 0: { name: 'punctuation.separator.dictionary.key-value.asl' } },
        end: String.raw`(,)|(?=\})`,
        endCaptures: { 1: { name: 'punctuation.separator.dictionary.pair.asl' } },
        contentName: 'meta.structure.dictionary.value.asl',
        patterns: [{ include: '#comments' }, { include: context === 'payload' ? '#payload-value' : '#value' }, { match: String.raw`[^\s,]`, name: 'invalid.illegal.expected-dictionary-separator.asl' }],
      },
      { match: String.raw`[^\s}]`, name: 'invalid.illegal.expected-dictionary-separator.asl' },
    ],
  };
}

function arrayRule(valueInclude: string): Rule {
  return {
    begin: String.raw`\[`,
    end: String.raw`\]`,
    beginCaptures: { 0: { name: 'punctuation.definition.array.begin.asl' } },
    endCaptures: { 0: { name: 'punctuation.definition.array.end.asl' } },
    name: 'meta.structure.array.asl',
    patterns: [{ include: valueInclude }, { match: ',', name: 'punctuation.separator.array.asl' }, { match: String.raw`[^\s\]]`, name: 'invalid.illegal.expected-array-separator.asl' }],
  };
}

/** The grammar object written to syntaxes/asl.tmLanguage.json. */
export function buildJsonGrammar(): Rule {
  const fieldKey = 'support.type.property-name.asl';
  const otherKey = 'support.type.property-name.json.asl';
  const pathKey = {
    begin: String.raw`((")(${KEY_TEXT}?)(\.\$)("))\s*(:)`,
    beginCaptures: {
      1: { name: 'entity.other.attribute-name.path-key.asl' },
      2: { name: 'punctuation.definition.string.begin.asl' },
      4: { name: 'keyword.other.path-key-suffix.asl' },
      5: { name: 'punctuation.definition.string.end.asl' },
      6: { name: 'punctuation.separator.dictionary.key-value.asl' },
    },
  };
  const pathMember = (fallback: string) => member(pathKey, [{ include: '#path-string' }, { include: fallback }], 'A key ending in `.$`: its value is a path or an intrinsic.');

  const aslMembers: Rule[] = [
    pathMember('#value'),
    member(keyThenColon('Type', fieldKey), [wordString(oneOf(STATE_TYPES), 'support.type.state-type.asl'), { include: '#value' }]),
    member(keyThenColon(oneOf(TRANSITION_FIELDS), fieldKey), [{ include: '#state-name-string' }, { include: '#value' }]),
    member(keyThenColon(oneOf(ENUM_FIELDS), fieldKey), [wordString('[A-Za-z_]+', 'constant.language.enum.asl'), { include: '#value' }]),
    member(keyThenColon(PATH_FIELD, fieldKey), [{ include: '#path-string' }, { include: '#value' }]),
    member(keyThenColon('States', fieldKey), [{ include: '#states-object' }, { include: '#value' }]),
    member(keyThenColon(oneOf(PAYLOAD_FIELDS), fieldKey), [{ include: '#payload-value' }]),
    member(keyThenColon(oneOf(FIELD_NAMES), fieldKey), [{ include: '#value' }]),
    member(keyThenColon(KEY_TEXT, otherKey), [{ include: '#value' }]),
  ];
  const payloadMembers: Rule[] = [pathMember('#payload-value'), member(keyThenColon(KEY_TEXT, otherKey), [{ include: '#payload-value' }])];
  const stateMembers: Rule[] = [member(keyThenColon(KEY_TEXT, 'entity.name.function.state.asl'), [{ include: '#value' }], 'A state: its name, then its definition.')];

  const host = HOSTS.json;
  const repository: Repository = {
    comments: {
      patterns: [
        { begin: String.raw`/\*\*(?!/)`, end: String.raw`\*/`, captures: { 0: { name: 'punctuation.definition.comment.asl' } }, name: 'comment.block.documentation.asl' },
        { begin: String.raw`/\*`, end: String.raw`\*/`, captures: { 0: { name: 'punctuation.definition.comment.asl' } }, name: 'comment.block.asl' },
        { match: String.raw`(//).*$\n?`, captures: { 1: { name: 'punctuation.definition.comment.asl' } }, name: 'comment.line.double-slash.asl' },
      ],
    },
    constant: { match: String.raw`\b(?:true|false|null)\b`, name: 'constant.language.asl' },
    number: { match: String.raw`-?(?:0|[1-9]\d*)(?:(?:\.\d+)?(?:[eE][+-]?\d+)?)?`, name: 'constant.numeric.asl' },
    placeholder,
    'bare-placeholder': { comment: 'An unquoted `${Name}` as a whole value, as real template files contain.', ...placeholder },
    'string-escape': {
      patterns: [
        { match: host.escape!.match, name: 'constant.character.escape.asl' },
        { match: String.raw`\\.`, name: 'invalid.illegal.unrecognized-string-escape.asl' },
      ],
    },
    string: stringRule([{ include: '#jsonata-json' }, { include: '#arn-json' }, { include: '#error-name-json' }, { include: '#placeholder' }]),
    'path-string': stringRule([{ include: '#path-content-json' }]),
    'state-name-string': stringRule([{ include: '#placeholder' }], 'entity.name.function.state.asl'),
    objectkey: {
      begin: '"',
      end: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.asl' } },
      endCaptures: { 0: { name: 'punctuation.definition.string.end.asl' } },
      name: otherKey,
      patterns: [{ include: '#string-escape' }],
    },
    value: { patterns: [{ include: '#constant' }, { include: '#number' }, { include: '#string' }, { include: '#array' }, { include: '#object' }, { include: '#bare-placeholder' }, { include: '#comments' }] },
    'payload-value': {
      patterns: [{ include: '#constant' }, { include: '#number' }, { include: '#string' }, { include: '#payload-array' }, { include: '#payload-object' }, { include: '#bare-placeholder' }, { include: '#comments' }],
    },
    object: objectRule('asl', aslMembers),
    'payload-object': objectRule('payload', payloadMembers),
    'states-object': objectRule('states', stateMembers),
    array: arrayRule('#value'),
    'payload-array': arrayRule('#payload-value'),
    ...embeddedRules(host),
  };
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    information_for_contributors: ['Generated by syntaxes/src/build.ts from syntaxes/src/*.ts: edit those and run `npx tsx syntaxes/src/build.ts`.'],
    name: 'Amazon States Language (JSON)',
    scopeName: 'source.asl',
    fileTypes: ['asl.json'],
    patterns: [{ include: '#comments' }, { include: '#value' }],
    repository,
  };
}
