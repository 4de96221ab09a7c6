// `asl-guard policy <file>`: the least-privilege IAM policy a definition's execution role needs,
// as IAM JSON, a CloudFormation/SAM snippet or a Terraform aws_iam_policy_document.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze, decodeSource, formatForPath, formatPolicy, generatePolicy, type PolicyFormat } from '../../../core';
import { parseCommandArgs } from '../args';
import { CliError, describeFsError } from '../cli-error';
import type { CommandIo } from '../command';
import { escapeControl, escapeStructuredText } from '../terminal-text';

const FORMATS: readonly PolicyFormat[] = ['json', 'cfn', 'terraform'];

export const help = `Usage: asl-guard policy <file> [options]

Prints the IAM policy the state machine's execution role needs, derived from what the definition
calls: one statement per integration, resources as specific as the definition allows. Resources
chosen at run time and actions AWS does not let you scope are explained on stderr.

Options:
  -f, --format <json|cfn|terraform>  Output: IAM policy JSON (default), a CloudFormation/SAM snippet,
                                     or a Terraform aws_iam_policy_document.
  -s, --state <name>                 Only what one state needs (a state name or JSON pointer).
      --logging                      Add the CloudWatch Logs delivery statement.
      --tracing                      Add the X-Ray statement.
      --region <region>              Region for JSON output (default: a <region> placeholder).
      --account <id>                 Account id for JSON output (default: an <account-id> placeholder).
      --name <name>                  The state machine's own name for JSON output.
  -o, --output <file>                Write the policy to a file instead of stdout.
  -h, --help                         Show this help.

Exit codes: 0 policy printed, 2 usage or I/O error, or a definition that cannot be read.
`;

/** Runs `asl-guard policy`; returns the exit code. */
export async function run(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('policy', argv, {
    format: { type: 'string', short: 'f', default: 'json' },
    state: { type: 'string', short: 's' },
    logging: { type: 'boolean', default: false },
    tracing: { type: 'boolean', default: false },
    region: { type: 'string' },
    account: { type: 'string' },
    name: { type: 'string' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(help);
    return 0;
  }
  const format = String(values.format).toLowerCase() as PolicyFormat;
  if (!FORMATS.includes(format)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  if (positionals.length !== 1) throw new CliError('policy needs exactly one definition file, e.g. "asl-guard policy workflow.asl.json"');

  const path = positionals[0];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(io.cwd, path));
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  const decoded = decodeSource(bytes);
  if (decoded.kind === 'notText') throw new CliError(`${path} is not a text file (${decoded.reason}), not a state machine definition`);
  const { model, findings } = analyze(decoded.text, { format: formatForPath(path) });
  if (!model || !model.states.length) {
    const syntax = findings.find((f) => f.ruleId === 'ASL001');
    throw new CliError(`${path} has no states to derive a policy from${syntax ? ` (${syntax.message})` : ''}`);
  }
  if (values.state !== undefined && !model.states.some((s) => s.name === values.state || values.state?.startsWith('/'))) {
    throw new CliError(`${path} has no state named "${values.state}"`);
  }

  const result = generatePolicy(model, { state: values.state, includeLogging: values.logging, includeTracing: values.tracing });
  // Resource names come from the definition: no raw control character reaches a terminal or a file.
  const text = escapeStructuredText(formatPolicy(result, format, { region: values.region, account: values.account, stateMachineName: values.name }));
  const printed = new Set<string>();
  for (const note of result.notes) {
    const line = `asl-guard: note${escapeControl(`${note.state ? ` (${note.state})` : ''}: ${note.message}`)}\n`;
    if (!printed.has(note.message)) (printed.add(note.message), io.stderr(line));
  }
  if (values.output === undefined) io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  else {
    try {
      writeFileSync(resolve(io.cwd, values.output), text);
    } catch (error) {
      throw new CliError(`cannot write ${values.output}: ${describeFsError(error)}`);
    }
  }
  return 0;
}
