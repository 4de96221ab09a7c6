// "ASL Guard: Generate IAM Policy": asks the language server (asl/generatePolicy) for the
// least-privilege policy of an ASL document, or of the one state a code action names, in the format
// picked, and opens it as a new untitled editor beside the definition. The definition is not edited.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PolicyFormat } from '../../../core';
import { ASL_LANGUAGE_IDS, GENERATE_POLICY, GeneratePolicyRequest, type GeneratePolicyArgs, type GeneratePolicyNote } from '../../../protocol';

interface FormatItem extends vscode.QuickPickItem {
  format: PolicyFormat;
}

/** The formats, in the order the quick pick offers them. */
export const FORMAT_ITEMS: readonly FormatItem[] = [
  { format: 'json', label: 'IAM policy JSON', description: 'policy document', detail: 'For the execution role: an inline or customer managed policy.' },
  { format: 'cfn', label: 'CloudFormation/SAM YAML', description: 'AWS::IAM::Policy', detail: 'A template resource; its PolicyDocument also fits a SAM state machine\'s Policies.' },
  { format: 'terraform', label: 'Terraform', description: 'aws_iam_policy_document', detail: 'A data source to attach with aws_iam_role_policy.' },
];

/** How the summary names each kind of note (singular, plural). */
const NOTE_KINDS: Record<GeneratePolicyNote['kind'], [string, string]> = {
  runtime: ['resource chosen at run time', 'resources chosen at run time'],
  wildcard: ['wildcard resource', 'wildcard resources'],
  unscopable: ['statement AWS does not let you scope', 'statements AWS does not let you scope'],
  placeholder: ['deploy-time placeholder', 'deploy-time placeholders'],
  unsupported: ['task without generated permissions', 'tasks without generated permissions'],
  'task-role': ['task with its own role', 'tasks with their own role'],
  advice: ['piece of advice', 'pieces of advice'],
};

/** The argument as given: a code action's {uri, state, format}, a menu's resource Uri, or nothing (palette). */
function argsOf(arg: unknown): GeneratePolicyArgs {
  if (arg instanceof vscode.Uri) return { uri: arg.toString() };
  if (!arg || typeof arg !== 'object') return {};
  const { uri, state, format } = arg as Record<string, unknown>;
  return {
    uri: typeof uri === 'string' ? uri : undefined,
    state: typeof state === 'string' ? state : undefined,
    format: FORMAT_ITEMS.find((f) => f.format === format)?.format,
  };
}

async function documentFor(uri: string | undefined): Promise<vscode.TextDocument | undefined> {
  if (!uri) return vscode.window.activeTextEditor?.document;
  const parsed = vscode.Uri.parse(uri);
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === parsed.toString()) ?? vscode.workspace.openTextDocument(parsed);
}

/** Writes the notes to the output channel and says in a (non-modal) message what kinds there are. */
function showNotes(channel: vscode.OutputChannel, source: string, notes: GeneratePolicyNote[]): void {
  if (!notes.length) return;
  channel.appendLine(`Policy for ${source}: ${notes.length} note${notes.length === 1 ? '' : 's'}`);
  for (const note of notes) channel.appendLine(`  - ${note.message}${note.range ? ` (line ${note.range.start.line + 1})` : ''}`);
  const counts = new Map<GeneratePolicyNote['kind'], number>();
  for (const note of notes) counts.set(note.kind, (counts.get(note.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => `${n} ${(NOTE_KINDS[kind] ?? [kind, kind])[n === 1 ? 0 : 1]}`);
  void vscode.window.showInformationMessage(`ASL Guard: the policy has notes: ${parts.join(', ')}.`, 'Show Notes').then((choice) => choice && channel.show(true));
}

/**
 * Registers `aslGuard.generatePolicy`; `clientFor` starts the language client when needed. Resolves
 * to the new policy document, or undefined when there was nothing to do (cancelled, not ASL, error).
 */
export function registerGeneratePolicy(clientFor: () => Promise<LanguageClient>): vscode.Disposable {
  return vscode.commands.registerCommand(GENERATE_POLICY, async (arg?: unknown): Promise<vscode.TextDocument | undefined> => {
    const args = argsOf(arg);
    const document = await documentFor(args.uri);
    if (!document || !ASL_LANGUAGE_IDS.includes(document.languageId)) {
      void vscode.window.showInformationMessage('ASL Guard: open an Amazon States Language definition (.asl.json, .asl.yaml) to generate its IAM policy.');
      return undefined;
    }
    const what = args.state ?? vscode.workspace.asRelativePath(document.uri);
    const format = args.format ?? (await vscode.window.showQuickPick(FORMAT_ITEMS, { title: `Generate least-privilege IAM policy for ${what}`, placeHolder: 'Output format' }))?.format;
    if (!format) return undefined;
    const client = await clientFor();
    let result;
    try {
      result = await client.sendRequest(GeneratePolicyRequest, { uri: document.uri.toString(), state: args.state, format });
    } catch (error) {
      void vscode.window.showErrorMessage(`ASL Guard: the IAM policy could not be generated: ${(error as Error).message}`);
      return undefined;
    }
    // Terraform has no built-in language: plain text unless an extension provides it.
    const language = (await vscode.languages.getLanguages()).includes(result.language) ? result.language : 'plaintext';
    const policy = await vscode.workspace.openTextDocument({ content: result.text, language });
    await vscode.window.showTextDocument(policy, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    showNotes(client.outputChannel, what, result.notes);
    return policy;
  });
}
