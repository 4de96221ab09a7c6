// The extension manifest: languages, grammars, snippets, commands and settings agree with the code
// (rule catalog, protocol ids) and with VS Code's activation rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listRules } from '../../core';
import { ASL_JSON, ASL_YAML, COMMAND_IDS, GENERATE_POLICY, RULE_LEVELS, SETTINGS_SECTION, TRACE_LEVELS } from '../../protocol';
import { rulesSetting } from './settings-schema';

const ROOT = join(__dirname, '..', '..');
const PACKAGE_JSON = join(ROOT, 'package.json');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a manifest is untyped JSON
const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as any;
const properties = pkg.contributes?.configuration?.properties ?? {};

test('aslGuard.rules lists exactly the rule catalog (UPDATE_MANIFEST=1 regenerates it)', () => {
  const expected = rulesSetting(listRules());
  if (process.env.UPDATE_MANIFEST) {
    properties[`${SETTINGS_SECTION}.rules`] = expected;
    writeFileSync(PACKAGE_JSON, JSON.stringify(pkg, null, 2) + '\n');
  }
  assert.deepEqual(properties[`${SETTINGS_SECTION}.rules`], expected, 'package.json is out of date: run UPDATE_MANIFEST=1 node test/run.mjs manifest');
  assert.deepEqual(Object.keys(expected.properties as object), listRules().map((r) => r.code));
});

test('the other settings: workflowType, trace.server, detectStateMachines', () => {
  const workflow = properties[`${SETTINGS_SECTION}.workflowType`];
  assert.deepEqual(workflow.enum, ['STANDARD', 'EXPRESS', null]);
  assert.equal(workflow.default, null);
  assert.deepEqual(properties[`${SETTINGS_SECTION}.trace.server`].enum, [...TRACE_LEVELS]);
  assert.equal(properties[`${SETTINGS_SECTION}.detectStateMachines`].default, true);
  assert.deepEqual(Object.keys(properties).sort(), ['detectStateMachines', 'rules', 'trace.server', 'workflowType'].map((k) => `${SETTINGS_SECTION}.${k}`).sort());
  assert.deepEqual([...RULE_LEVELS], ['error', 'warning', 'info', 'hint', 'off']);
});

test('languages: asl and asl-yaml (the AWS Toolkit ids) with a configuration each, so onLanguage activation works', () => {
  const languages = pkg.contributes.languages as { id: string; extensions: string[]; aliases: string[]; configuration: string }[];
  const byId = new Map(languages.map((l) => [l.id, l]));
  assert.deepEqual(byId.get(ASL_JSON)?.extensions, ['.asl.json']);
  assert.deepEqual(byId.get(ASL_YAML)?.extensions, ['.asl.yaml', '.asl.yml']);
  assert.equal(byId.get(ASL_JSON)?.aliases[0], 'ASL');
  for (const language of languages) {
    assert.ok(existsSync(join(ROOT, language.configuration)), `${language.configuration} exists`);
    JSON.parse(readFileSync(join(ROOT, language.configuration), 'utf8'));
  }
  // Activation: the ASL languages, plus JSON/YAML to find state machines in plain files.
  for (const event of ['onLanguage:asl', 'onLanguage:asl-yaml', 'onLanguage:json', 'onLanguage:yaml']) assert.ok(pkg.activationEvents.includes(event), event);
});

test('grammars and snippets point at the agreed files and scope names', () => {
  assert.deepEqual(pkg.contributes.grammars, [
    { language: ASL_JSON, scopeName: 'source.asl', path: './syntaxes/asl.tmLanguage.json' },
    { language: ASL_YAML, scopeName: 'source.asl-yaml', path: './syntaxes/asl-yaml.tmLanguage.json' },
  ]);
  assert.deepEqual(pkg.contributes.snippets, [
    { language: ASL_JSON, path: './snippets/asl.code-snippets' },
    { language: ASL_YAML, path: './snippets/asl-yaml.code-snippets' },
  ]);
});

test('commands: every protocol command is contributed under the "ASL Guard" category', () => {
  const commands = pkg.contributes.commands as { command: string; title: string; category: string }[];
  assert.deepEqual(commands.map((c) => c.command).sort(), [...COMMAND_IDS].sort());
  for (const command of commands) assert.equal(command.category, 'ASL Guard');
});

test('"ASL Guard: Generate IAM Policy" is in the palette, the editor context menu and the editor title menu, for ASL editors only', () => {
  const command = (pkg.contributes.commands as { command: string; title: string }[]).find((c) => c.command === GENERATE_POLICY);
  assert.equal(command?.title, 'Generate IAM Policy');
  for (const menu of ['commandPalette', 'editor/context', 'editor/title']) {
    const entries = (pkg.contributes.menus[menu] ?? []) as { command: string; when?: string }[];
    assert.deepEqual(entries.filter((e) => e.command === GENERATE_POLICY).map((e) => e.when), [`editorLangId == ${ASL_JSON} || editorLangId == ${ASL_YAML}`], menu);
  }
});

test('marketplace fields: publisher, icon (128x128 PNG), categories, untrusted workspaces, license file', () => {
  assert.ok(pkg.publisher && pkg.displayName && pkg.description && pkg.repository && pkg.license);
  assert.deepEqual(pkg.categories, ['Linters', 'Snippets', 'Programming Languages']);
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited', 'Restricted Mode: test/package/restricted-mode.test.ts');
  const png = readFileSync(join(ROOT, pkg.icon));
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License/);
});
