// Open documents (incremental sync through TextDocuments) and the analysis of each one's current
// version. The cache holds one entry per document, keyed by (uri, version, config generation):
// a result is reused until the text or the configuration changes, and never served for another
// version. The edits since the cached version are folded into one change, so the next analysis
// can be incremental (core's analyzeChange re-checks only the edited state). Requests wait for
// the document to settle (`latest`), so no version with a newer change queued behind it is analysed.
import { LSPErrorCodes, ResponseError, TextDocuments, type CancellationToken, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, analyzeChange, formatForPath, looksLikeStateMachine, type AnalysisResult, type DocumentFormat, type ResolvedConfig, type TextChange } from '../../core';
import { ASL_FILE_PATTERN, ASL_JSON, ASL_YAML } from '../../protocol';
import { addChange, toChange, type ChangeSpan } from './changes';
import { Scheduler } from './scheduler';

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

/** The open documents and the cached analysis of each one's current version. */
export class AslDocuments {
  readonly documents: TextDocuments<TextDocument>;
  private readonly cache = new Map<string, Analysis>();
  /** Per document: the edits since its cached analysis, as one span of that analysis' text. */
  private readonly edits = new Map<string, ChangeSpan>();
  /** Tells when a document's changes have stopped arriving; push validation schedules on it too. */
  readonly scheduler: Scheduler;

  /** @param dispatched how many messages the connection has dispatched (lets the scheduler see an empty queue) */
  constructor(private readonly config: ConfigSource, dispatched?: () => number) {
    this.scheduler = new Scheduler((uri) => this.documents.get(uri)?.version, dispatched);
    this.documents = new TextDocuments({ create: TextDocument.create, update: (document, changes, version) => this.update(document, changes, version) });
    this.documents.onDidClose((e) => {
      this.cache.delete(e.document.uri);
      this.edits.delete(e.document.uri);
      this.scheduler.cancel(e.document.uri);
    });
  }

  /** Applies didChange events one at a time, recording each as offsets into the text it applied to. */
  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    let span = this.edits.get(document.uri);
    for (const change of changes) {
      const offset = 'range' in change ? document.offsetAt(change.range.start) : 0;
      const length = 'range' in change ? document.offsetAt(change.range.end) - offset : document.getText().length;
      span = addChange(span, { offset, length, text: change.text });
      TextDocument.update(document, [change], version);
    }
    if (span) this.edits.set(document.uri, span);
    return document;
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /**
   * Resolves once no newer change of the document is queued behind the caller: true when the
   * caller should go on, false when the document closed or `token` was cancelled meanwhile.
   */
  async settle(uri: string, token?: CancellationToken): Promise<boolean> {
    return (await this.scheduler.settled(uri)) && !token?.isCancellationRequested;
  }

  /**
   * The analysis of the document's latest version, once it has settled (`settle`); undefined,
   * without analysing anything, when the document closed or `token` was cancelled meanwhile.
   */
  async latest(uri: string, token?: CancellationToken): Promise<Analysis | undefined> {
    return (await this.settle(uri, token)) ? this.analysis(uri) : undefined;
  }

  /**
   * Like `latest`, for requests that carry positions in the version the client had when it sent
   * them: when a newer change arrived meanwhile, those positions mean nothing any more, so it
   * throws ContentModified (the client asks again) without analysing anything.
   */
  async forRequest(uri: string, token?: CancellationToken): Promise<Analysis | undefined> {
    const version = this.documents.get(uri)?.version;
    if (!(await this.settle(uri, token))) return undefined;
    if (this.documents.get(uri)?.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed since the request was sent.');
    return this.analysis(uri);
  }

  /** The analysis of the document's current version (cached), or undefined when it is not open. */
  analysis(uri: string): Analysis | undefined {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const generation = this.config.generation;
    const cached = this.cache.get(uri);
    if (cached && cached.version === document.version && cached.generation === generation) return cached;
    const span = this.edits.get(uri);
    this.edits.delete(uri);
    const text = document.getText();
    // Incremental only from an analysis of the same configuration whose text the recorded edits turn into this one.
    const usable = cached?.generation === generation && cached.result && span && cached.result.text.length + span.delta === text.length;
    const change = usable ? toChange(span, text) : undefined;
    const analysis = analyseDocument(document, this.config.configFor(uri), generation, change && cached?.result, change);
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

/** Analyses the document, incrementally from `previous` (which this consumes) when given. */
function analyseDocument(document: TextDocument, config: ResolvedConfig, generation: number, previous?: AnalysisResult, change?: TextChange): Analysis {
  const format = formatOf(document);
  const base = { uri: document.uri, version: document.version, generation, format, document };
  try {
    if (!isAslDocument(document, format)) return { ...base, result: undefined };
    const text = document.getText();
    return { ...base, result: previous && change ? analyzeChange(previous, text, [change], { format, config }) : analyze(text, { format, config }) };
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
