// Builds syntaxes/asl-yaml.tmLanguage.json: a YAML grammar (block mappings and sequences, plain,
// quoted and block scalars, flow collections, anchors, aliases, tags, comments) in which keys that
// change context (`States`, a state, a payload field) start a block lasting while lines are indented
// deeper, so every key and value gets its ASL meaning: field, state name, payload key, path.
import { ENUM_FIELDS, FIELD_NAMES, HOSTS, PATH_FIELD, PAYLOAD_FIELDS, STATE_TYPES, TRANSITION_FIELDS, embeddedRules, oneOf, placeholder, type Repository, type Rule } from './shared';
import { ANY_NAME, BLOCK_SCALAR_AHEAD, PATH_NAME, PLAIN_END, block, dq, flowRules, keyLine, plain, sequenceItems, sq, word, wordScalar } from './yaml-parts';

/** The grammar object written to syntaxes/asl-yaml.tmLanguage.json. */
export function buildYamlGrammar(): Rule {
  const fieldKey = 'support.type.property-name.asl';
  const otherKey = 'entity.name.tag.asl-yaml';
  const stateKey = 'entity.name.function.state.asl';
  const pathKeyScope = 'entity.other.attribute-name.path-key.asl';
  const constantEnd = String.raw`(?=[ \t]*(?:#|$))`;
  const flowEnd = String.raw`(?=[ \t]*(?:[,\]}]|#|$))`;
  const number = String.raw`[-+]?(?:\d[\d_]*(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))`;
  const constants = (end: string): Rule => ({
    match: String.raw`(?:(null|Null|NULL|~)|(true|True|TRUE|false|False|FALSE)|(${number}))${end}`,
    captures: { 1: { name: 'constant.language.null.asl-yaml' }, 2: { name: 'constant.language.boolean.asl-yaml' }, 3: { name: 'constant.numeric.asl-yaml' } },
  });
  const inline = (c: 'asl' | 'payload'): Rule => ({
    comment: 'A value on the same line as its key or dash.',
    patterns: [
      { include: '#comment' }, { include: '#properties' }, { include: '#block-scalar' }, { include: `#flow-sequence-${c}` }, { include: `#flow-mapping-${c}` },
      { include: '#double-quoted' }, { include: '#single-quoted' }, constants(constantEnd), { include: '#plain-scalar' },
    ],
  });

  const repository: Repository = {
    comment: {
      match: String.raw`(?:(?<=[ \t])|^)(#).*$`,
      name: 'comment.line.number-sign.asl-yaml',
      captures: { 1: { name: 'punctuation.definition.comment.asl-yaml' } },
    },
    placeholder,
    properties: {
      patterns: [
        { match: String.raw`(&)[^\s\[\]{},]+`, name: 'entity.name.type.anchor.asl-yaml', captures: { 1: { name: 'punctuation.definition.anchor.asl-yaml' } } },
        { match: String.raw`(\*)[^\s\[\]{},]+`, name: 'variable.other.alias.asl-yaml', captures: { 1: { name: 'punctuation.definition.alias.asl-yaml' } } },
        { match: String.raw`!(?:<[^>]*>|[\w\-!.:/]*)`, name: 'storage.type.tag-handle.asl-yaml' },
      ],
    },
    'block-scalar': blockScalar('Ends when the key or item that owns it ends (its `while` pops this rule).', [{ include: '#jsonata-yblock' }, { include: '#placeholder' }]),
    'block-scalar-path': blockScalar('A block scalar under a `.$` key: a path or an intrinsic written over several lines.', [{ include: '#path-content-yblock' }]),
    'inline-block-path': { patterns: [{ include: '#comment' }, { include: '#properties' }, { include: '#block-scalar-path' }] },
    'double-quoted': dq([{ include: '#jsonata-ydq' }, { include: '#arn-ydq' }, { include: '#error-name-ydq' }, { include: '#placeholder' }]),
    'single-quoted': sq([{ include: '#jsonata-ysq' }, { include: '#arn-ysq' }, { include: '#error-name-ysq' }, { include: '#placeholder' }]),
    'plain-scalar': plain([{ include: '#arn-yplain' }, { include: '#error-name-yplain' }, { include: '#placeholder' }], PLAIN_END),
    inline: inline('asl'),
    'inline-payload': inline('payload'),
    'inline-state-type': { patterns: [{ include: '#comment' }, wordScalar(oneOf(STATE_TYPES), 'support.type.state-type.asl', constantEnd), { include: '#inline' }] },
    'inline-enum': { patterns: [{ include: '#comment' }, wordScalar('[A-Za-z_]+', 'constant.language.enum.asl', constantEnd), { include: '#inline' }] },
    'inline-state-name': {
      patterns: [
        { include: '#comment' }, { include: '#properties' },
        dq([{ include: '#placeholder' }], stateKey),
        sq([{ include: '#placeholder' }], stateKey),
        plain([{ include: '#placeholder' }], PLAIN_END, 'string.unquoted.plain.out.asl-yaml', stateKey),
      ],
    },
    'inline-path': {
      patterns: [
        { include: '#comment' }, { include: '#properties' },
        dq([{ include: '#path-content-ydq' }]), sq([{ include: '#path-content-ysq' }]),
        constants(constantEnd), plain([{ include: '#path-content-yplain' }], PLAIN_END),
        { include: '#inline' },
      ],
    },
    ...flowRules('asl', fieldKey, otherKey, pathKeyScope, constants(flowEnd)),
    ...flowRules('payload', fieldKey, otherKey, pathKeyScope, constants(flowEnd)),
    'block-asl': {
      comment: 'Lines inside the state machine, a state, or another ASL object.',
      patterns: [
        { include: '#comment' },
        ...block(PATH_NAME, pathKeyScope, '#inline-block-path', undefined, BLOCK_SCALAR_AHEAD),
        ...block(word(oneOf(FIELD_NAMES)), fieldKey, '#inline', undefined, BLOCK_SCALAR_AHEAD),
        ...block(ANY_NAME, otherKey, '#inline', undefined, BLOCK_SCALAR_AHEAD),
        ...block(word('States'), fieldKey, '#inline', '#block-states', '', 'The `States` map: its keys are state names.'),
        ...block(word(oneOf(PAYLOAD_FIELDS)), fieldKey, '#inline-payload', '#block-payload', '', 'A payload template: user data, not ASL fields.'),
        keyLine(PATH_NAME, pathKeyScope, '#inline-path', 'A key ending in `.$`: its value is a path or an intrinsic.'),
        keyLine(word('Type'), fieldKey, '#inline-state-type'),
        keyLine(word(oneOf(TRANSITION_FIELDS)), fieldKey, '#inline-state-name'),
        keyLine(word(oneOf(ENUM_FIELDS)), fieldKey, '#inline-enum'),
        keyLine(word(PATH_FIELD), fieldKey, '#inline-path'),
        keyLine(word(oneOf(FIELD_NAMES)), fieldKey, '#inline'),
        keyLine(ANY_NAME, otherKey, '#inline'),
        ...sequenceItems(),
      ],
    },
    'block-payload': {
      comment: 'Lines inside a payload template (Parameters, Arguments, Result, Output, Assign, ...).',
      patterns: [
        { include: '#comment' },
        ...block(PATH_NAME, pathKeyScope, '#inline-block-path', undefined, BLOCK_SCALAR_AHEAD),
        ...block(ANY_NAME, otherKey, '#inline', undefined, BLOCK_SCALAR_AHEAD),
        keyLine(PATH_NAME, pathKeyScope, '#inline-path'),
        keyLine(ANY_NAME, otherKey, '#inline-payload'),
        ...sequenceItems(),
      ],
    },
    'block-states': {
      comment: 'Lines directly inside `States:`: each key names a state.',
      patterns: [{ include: '#comment' }, ...block(ANY_NAME, stateKey, '#inline', '#block-asl')],
    },
    ...embeddedRules(HOSTS.ydq),
    ...embeddedRules(HOSTS.ysq),
    ...embeddedRules(HOSTS.yplain),
    ...embeddedRules(HOSTS.yflow),
    ...embeddedRules(HOSTS.yblock),
  };
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    information_for_contributors: ['Generated by syntaxes/src/build.ts from syntaxes/src/*.ts: edit those and run `npx tsx syntaxes/src/build.ts`.'],
    name: 'Amazon States Language (YAML)',
    scopeName: 'source.asl-yaml',
    fileTypes: ['asl.yaml', 'asl.yml'],
    patterns: [
      { include: '#comment' },
      { match: String.raw`^%.*$`, name: 'meta.directive.asl-yaml' },
      { match: String.raw`^---(?=\s|$)`, name: 'entity.other.document.begin.asl-yaml' },
      { match: String.raw`^\.\.\.(?=\s|$)`, name: 'entity.other.document.end.asl-yaml' },
      { include: '#block-asl' },
      { include: '#inline' },
    ],
    repository,
  };
}

/** A `|`/`>` block scalar whose header is scoped the same everywhere; only its content differs. */
function blockScalar(comment: string, patterns: { include: string }[]) {
  return {
    comment,
    begin: String.raw`(?:(\|)|(>))([1-9])?([-+])?([1-9])?[ \t]*(?:((#).*))?$`,
    end: '(?!)',
    beginCaptures: {
      1: { name: 'keyword.control.flow.block-scalar.literal.asl-yaml' },
      2: { name: 'keyword.control.flow.block-scalar.folded.asl-yaml' },
      3: { name: 'constant.numeric.indentation-indicator.asl-yaml' },
      4: { name: 'storage.modifier.chomping-indicator.asl-yaml' },
      5: { name: 'constant.numeric.indentation-indicator.asl-yaml' },
      6: { name: 'comment.line.number-sign.asl-yaml' },
      7: { name: 'punctuation.definition.comment.asl-yaml' },
    },
    contentName: 'string.unquoted.block.asl-yaml',
    patterns,
  };
}
