// Open documents (incremental sync through TextDocuments) and the analysis of each one's current
// version. The cache holds one entry per document, keyed by (uri, version, config generation):
// a result is reused until the text or the configuration changes, and never served for another version.
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, formatForPath, looksLikeStateMachine, type AnalysisResult, type DocumentFormat, type ResolvedConfig } from '../../core';
import { ASL_FILE_PATTERN, ASL_JSON, ASL_YAML } from '../../protocol';

/** One analysed document version. */
export interface Analysis {
  uri: string;
  version: number;
  /** The configuration generation the analysis used. */
  generation: number;
  format: DocumentFormat;
  document: TextDocument;
  /** Undefined when the document is not ASL (a plain JSON/YAML file a generic client sent us). */
  result: AnalysisResult | undefined;
  /** Set when the engine failed; the server reports it instead of crashing. */
  error?: string;
}

/** Supplies the configuration for a document and its generation (bumped on every change). */
export interface ConfigSource {
  configFor(uri: string): ResolvedConfig;
  readonly generation: number;
}

export class AslDocuments {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, Analysis>();

  constructor(private readonly config: ConfigSource) {
    this.documents.onDidClose((e) => this.cache.delete(e.document.uri));
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** The analysis of the document's current version (cached), or undefined when it is not open. */
  analysis(uri: string): Analysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const generation = this.config.generation;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.generation === generation) return cached;
    const analysis = analyseDocument(document, this.config.configFor(uri), generation);
    this.cache.set(uri, analysis);
    return analysis;
  }
}

/** The format of a document: from its language id, else from its file name. */
export function formatOf(document: TextDocument): DocumentFormat {
  if (document.languageId === ASL_YAML || document.languageId === 'yaml') return 'yaml';
  if (document.languageId === ASL_JSON || document.languageId === 'json' || document.languageId === 'jsonc') return 'json';
  return formatForPath(document.uri);
}

/** ASL by language id or file name; otherwise only when the root has StartAt and States. */
export function isAslDocument(document: TextDocument, format: DocumentFormat): boolean {
  if (document.languageId === ASL_JSON || document.languageId === ASL_YAML) return true;
  if (ASL_FILE_PATTERN.test(document.uri)) return true;
  return looksLikeStateMachine(document.getText(), format);
}

function analyseDocument(document: TextDocument, config: ResolvedConfig, generation: number): Analysis {
  const format = formatOf(document);
  const base = { uri: document.uri, version: document.version, generation, format, document };
  try {
    if (!isAslDocument(document, format)) return { ...base, result: undefined };
    return { ...base, result: analyze(document.getText(), { format, config }) };
  } catch (error) {
    // analyze() promises never to throw; if it does anyway, the server must stay up.
    return { ...base, result: undefined, error: describeError(error) };
  }
}

/** The error's type and where it was thrown; its message is left out because it may quote document text. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim();
  return frame ? `${error.name} ${frame}` : error.name;
}
