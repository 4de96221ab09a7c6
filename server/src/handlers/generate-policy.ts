// asl/generatePolicy: the least-privilege IAM policy of an open document (or one state of it), from
// the analysis of its current version, through core's generatePolicy and formatPolicy. Requests the
// server cannot answer get an InvalidParams error that says why; nothing here throws anything else.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import { formatPolicy, generatePolicy, pointerOf, type PolicyFormat } from '../../../core';
import { GeneratePolicyRequest, type GeneratePolicyParams, type GeneratePolicyResult, type PolicyLanguage } from '../../../protocol';
import type { AslDocuments } from '../documents';
import { toRange } from '../convert';

/** The editor language of each output format. */
const LANGUAGE: Record<PolicyFormat, PolicyLanguage> = { json: 'json', cfn: 'yaml', terraform: 'terraform' };
/** Names longer than this are shortened in error messages. */
const MAX_NAME = 80;

const invalid = (message: string) => new ResponseError(ErrorCodes.InvalidParams, message);
const clip = (s: string) => (s.length > MAX_NAME ? `${s.slice(0, MAX_NAME)}…` : s);

/** Answers one request; throws a ResponseError for anything it cannot answer. */
export function answerGeneratePolicy(docs: AslDocuments, params: GeneratePolicyParams): GeneratePolicyResult {
  if (typeof params?.uri !== 'string') throw invalid('asl/generatePolicy needs the "uri" of an open document.');
  if (!Object.hasOwn(LANGUAGE, params.format)) throw invalid(`"format" must be one of ${Object.keys(LANGUAGE).join(', ')}.`);
  const analysis = docs.analysis(params.uri);
  if (!analysis) throw invalid(`${clip(params.uri)} is not open in the ASL Guard language server: open it first.`);
  if (analysis.error) throw new ResponseError(ErrorCodes.InternalError, `${clip(params.uri)} could not be analysed (${analysis.error}).`);
  const model = analysis.result?.model;
  if (!model?.states.length) throw invalid(`${clip(params.uri)} has no states to derive a policy from.`);
  const { state } = params;
  if (state !== undefined && (typeof state !== 'string' || !model.states.some((s) => s.name === state || pointerOf(s.node) === state))) {
    throw invalid(`${clip(params.uri)} has no state named "${clip(String(state))}".`);
  }
  const result = generatePolicy(model, { state, includeLogging: params.includeLogging === true, includeTracing: params.includeTracing === true });
  const { document } = analysis;
  return {
    text: formatPolicy(result, params.format),
    language: LANGUAGE[params.format],
    notes: result.notes.map((n) => ({
      message: n.message,
      kind: n.kind,
      ...(n.state !== undefined ? { state: n.state } : {}),
      ...(n.offset !== undefined ? { range: toRange(document, n.offset, n.length ?? 0) } : {}),
    })),
  };
}

/** Registers the asl/generatePolicy request handler. */
export function registerGeneratePolicy(connection: Connection, docs: AslDocuments): void {
  // Waits for queued changes first, so the policy is derived from the latest version only.
  connection.onRequest(GeneratePolicyRequest, async (params) => {
    if (typeof params?.uri === 'string') await docs.settle(params.uri);
    return answerGeneratePolicy(docs, params);
  });
}
