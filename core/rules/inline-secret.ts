// SEC001: a literal secret written into the definition: known credential formats anywhere in a
// state, and secret-named keys holding literal values in payloads, in JSONPath and JSONata alike.
import { isJsonata, isDynamicKey } from '../model/values';
import type { PayloadValue } from '../model/payload';
import { walkScalars } from '../model/payload';
import { keyOf, propertiesOf } from '../parse/ast';
import type { State } from '../model/types';
import { defineRule, type RuleContext } from './define-rule';
import { mask } from '../secrets/mask';
import { findKnownSecrets, knownSecretInName, type SecretMatch } from '../secrets/patterns';
import { classifyName, kindPhrase, KIND_TITLES } from '../secrets/secret-keys';
import { compileAll, looksLikeCredential, type LiteralOptions } from '../secrets/literal';
import { joinedJsonataLiterals, literalPieces } from '../secrets/expressions';
import { httpOwnedNodes, insideAny, secretEnvEntries } from '../secrets/integrations';
import { builtLiterals, describePath, effectiveKey, forEachDataValue, forEachKey, forEachKeyIn, forEachOtherValue } from '../secrets/scan';
import type { AstNode } from '../parse/ast';
import { forEachOwnObject } from '../model/own-objects';
import { shadowedProperties } from '../model/duplicate-keys';

export default defineRule({
  code: 'SEC001',
  name: 'inline-secret',
  title: 'Inline secret',
  description: 'A literal secret (password, API key, token, private key) is written into the definition.',
  category: 'security',
  severity: 'error',
  cwe: ['CWE-798', 'CWE-312'],
  options: {
    minLength: { type: 'number', default: 8, description: 'Shortest literal under a token, key or secret name that is judged a credential.' },
    minPasswordLength: { type: 'number', default: 4, description: 'Shortest literal under a password name that is judged a password.' },
    allowValues: { type: 'string[]', default: [], description: 'Globs (`*` any run of characters, `?` one character; the whole value, any case); literal values matching one are never reported.' },
    extraKeys: { type: 'string[]', default: [], description: 'Globs (`*`, `?`; the whole name, any case) for additional key names that hold secrets.' },
  },
  messages: {
    knownFormat: '{{title}} ({{masked}}) is written in plain text in {{where}}. Anyone who can read the definition can use it: keep it in Secrets Manager or Parameter Store (SecureString) and pass a reference.',
    secretKey: '"{{key}}" holds {{kind}} as a literal ({{masked}}) in {{where}}. Anyone who can read the definition can use it: keep it in Secrets Manager or Parameter Store (SecureString) and pass a reference.',
    knownFormatInKey: '{{title}} ({{masked}}) is written in plain text as a key (a name) {{where}}. Anyone who can read the definition can use it, and every message, outline and log that shows the name shows it: rename it and rotate the credential.',
  },
  checkState(state, ctx) {
    const options = literalOptions(ctx);
    const extraKeys = compileAll(ctx.options.extraKeys);
    // HTTP Task headers/query/endpoint are SEC004's and secret-named container variables SEC005's.
    const owned = [...httpOwnedNodes(state), ...secretEnvEntries(state).map((e) => e.valueNode)];
    forEachDataValue(state, (pv) => {
      if (pv.node.type !== 'string' || pv.node.bare || insideAny(pv.node, owned)) return;
      const value = pv.node.value as string;
      const dynamic = isDynamicKey(pv.key ?? '');
      if (reportFormat(state, ctx, pv, value, dynamic)) return;
      const key = effectiveKey(pv.path);
      const pieces = literalPieces(value, dynamic).filter((p) => p.key !== undefined);
      for (const piece of pieces) {
        const cls = classifyName(piece.key!, extraKeys);
        if (cls && looksLikeCredential(piece.text, cls, options)) return reportKey(state, ctx, pv, piece.key!, cls.kind, piece.text);
      }
      const cls = key === undefined ? undefined : classifyName(key, extraKeys);
      if (!cls) return;
      for (const literal of builtLiterals(value, dynamic)) {
        if (looksLikeCredential(literal, cls, options)) return reportKey(state, ctx, pv, key!, cls.kind, literal);
      }
    });
    forEachOtherValue(state, (pv) => {
      if (pv.node.type === 'string' && !pv.node.bare) reportFormat(state, ctx, pv, pv.node.value as string, isDynamicKey(pv.key ?? ''));
    });
    forEachKey(state, (keyNode, key) => reportKeyFormat(ctx, keyNode, key, `in state "${state.name}"`));
    scanShadowed(state.node, false, state, ctx, options);
  },
  documentReadsStructureOnly: true,
  checkDocument(ctx) {
    const root = ctx.model?.root;
    if (root) {
      forEachKeyIn(root, true, (keyNode, key) => reportKeyFormat(ctx, keyNode, key, 'at the top of the definition'));
      scanShadowed(root, true, undefined, ctx, literalOptions(ctx));
    }
    for (const prop of propertiesOf(root)) {
      const key = keyOf(prop);
      if (key === 'States' || !prop.children[1]) continue;
      walkScalars(prop.children[1], key, (pv) => {
        if (pv.node.type === 'string' && !pv.node.bare) reportFormat(undefined, ctx, { ...pv, key: pv.key ?? key }, pv.node.value as string, false);
      });
    }
  },
});

function literalOptions(ctx: RuleContext): LiteralOptions {
  return { minLength: Number(ctx.options.minLength), minPasswordLength: Number(ctx.options.minPasswordLength), allow: allowOf(ctx) };
}

const compiled = new WeakMap<object, RegExp[]>();

/** `allowValues` compiled once per options object, not once per string. */
function allowOf(ctx: RuleContext): RegExp[] {
  const source = ctx.options.allowValues;
  if (!Array.isArray(source) || !source.length) return [];
  let out = compiled.get(source);
  if (!out) compiled.set(source, (out = compileAll(source)));
  return out;
}

/** Reports the first known credential format in the value's literals; true when one was found. */
function reportFormat(state: State | undefined, ctx: RuleContext, pv: PayloadValue, value: string, dynamic: boolean): boolean {
  const match = firstKnownSecret(value, dynamic, allowOf(ctx));
  if (!match) return false;
  ctx.report({
    messageId: 'knownFormat',
    node: pv.node,
    severity: match.pattern.identifier ? 'warning' : undefined,
    data: { title: match.pattern.title, masked: mask(match.secret), where: where(state, pv, value) },
    findingData: findingData(state, pv, value, { detector: 'format', kind: match.pattern.id }),
  });
  return true;
}

/**
 * What sits under a key written twice (the model, like JSON.parse, reads the last one): a second
 * "States" or "Parameters" must not hide the first one's secrets. Scanned as plain data, keys too.
 */
function scanShadowed(node: AstNode, isRoot: boolean, state: State | undefined, ctx: RuleContext, options: LiteralOptions): void {
  const extraKeys = compileAll(ctx.options.extraKeys);
  forEachOwnObject(node, isRoot, (object) => {
    for (const prop of shadowedProperties(object)) {
      const value = prop.children[1];
      if (!value) continue;
      const field = keyOf(prop);
      forEachKeyIn(value, false, (keyNode, key) => reportKeyFormat(ctx, keyNode, key, 'under a duplicate key'));
      walkScalars(value, field, (pv) => {
        if (pv.node.type !== 'string' || pv.node.bare) return;
        const text = pv.node.value as string;
        const dynamic = isDynamicKey(pv.key ?? '');
        if (reportFormat(state, ctx, pv, text, dynamic)) return;
        const key = effectiveKey(pv.path) ?? (pv.path.length ? undefined : field);
        const cls = key === undefined ? undefined : classifyName(key, extraKeys);
        const literal = cls && builtLiterals(text, dynamic).find((l) => looksLikeCredential(l, cls, options));
        if (cls && literal !== undefined) reportKey(state, ctx, pv, key!, cls.kind, literal);
      });
    }
  });
}

/** Reports a key (or state name) that is a known credential format. */
function reportKeyFormat(ctx: RuleContext, keyNode: AstNode, key: string, where: string): void {
  const match = knownSecretInName(key);
  if (!match || allowOf(ctx).some((re) => re.test(match.secret))) return;
  ctx.report({
    messageId: 'knownFormatInKey',
    node: keyNode,
    severity: match.pattern.identifier ? 'warning' : undefined,
    data: { title: match.pattern.title, masked: mask(match.secret), where },
    findingData: { detector: 'format', kind: match.pattern.id, field: 'key' },
  });
}

/** The first known credential format among the value's literals that `allow` does not exempt. */
function firstKnownSecret(value: string, dynamic: boolean, allow: readonly RegExp[]): SecretMatch | undefined {
  const allowed = (m: SecretMatch) => !allow.some((re) => re.test(m.secret));
  // A plain literal (nearly every value) is its own only piece: no piece arrays for it.
  if (!dynamic && !isJsonata(value)) {
    const found = findKnownSecrets(value);
    return found.length ? found.find(allowed) : undefined;
  }
  const texts = literalPieces(value, dynamic).map((p) => p.text);
  const joined = joinedJsonataLiterals(value);
  if (joined) texts.push(joined);
  for (const text of texts) {
    const match = findKnownSecrets(text).find(allowed);
    if (match) return match;
  }
  return undefined;
}

function reportKey(state: State | undefined, ctx: RuleContext, pv: PayloadValue, key: string, kind: keyof typeof KIND_TITLES, literal: string): void {
  ctx.report({
    messageId: 'secretKey',
    node: pv.node,
    data: { key, kind: kindPhrase(kind), masked: mask(literal), where: where(state, pv, pv.node.value as string) },
    findingData: findingData(state, pv, pv.node.value as string, { detector: 'key', kind, key }),
  });
}

function where(state: State | undefined, pv: PayloadValue, value: string): string {
  const path = describePath(pv.field, pv.path);
  const inExpr = isJsonata(value) ? ' (inside a JSONata expression)' : isDynamicKey(pv.key ?? '') ? ' (inside an intrinsic function)' : '';
  return state ? `${path}${inExpr} of state "${state.name}"` : `${path}${inExpr}`;
}

/** What a fix needs (never the value): the kind, the field and key path, the expression form. */
function findingData(state: State | undefined, pv: PayloadValue, value: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    ...extra,
    field: pv.field,
    keyPath: pv.path,
    expression: isJsonata(value) ? 'jsonata' : isDynamicKey(pv.key ?? '') ? 'intrinsic' : 'literal',
    stateName: state?.name,
    queryLanguage: state?.queryLanguage,
    resourceKind: state?.resource?.kind,
    service: state?.resource?.service,
  };
}

