// Open documents (incremental sync through TextDocuments) and the analysis of each one's current
// version. The cache holds one entry per document, keyed by (uri, version, config generation):
// a result is reused until the text or the configuration changes, and never served for another
// version. The edits since the cached version are folded into one change, so the next analysis
// can be incremental (core's analyzeChange re-checks only the edited state). Requests wait for
// the document to settle (`latest`), so no version with a newer change queued behind it is analysed.
import { LSPErrorCodes, ResponseError, TextDocuments, type CancellationToken, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatForPath, looksLikeStateMachine, nodeAtPointer, startAnalysis, startAnalysisOfChange, type AnalysisJob, type AnalysisResult, type DocumentFormat, type ResolvedConfig, type TextChange } from '../../core';
import { ASL_FILE_PATTERN, ASL_JSON, ASL_YAML } from '../../protocol';
import { addChange, toChange, type ChangeSpan } from './changes';
import { AslTextDocument } from './text-document';
import { Scheduler } from './scheduler';
import { compileBaselineFromNowOn } from './tiering';

/** One analysed document version. */
export interface Analysis {
  uri: string;
  version: number;
  /** The configuration generation the analysis used. */
  generation: number;
  format: DocumentFormat;
  document: TextDocument;
  /** The length of the analysed text; set by AslDocuments, which continues incrementally only from an analysis that has it. */
  length?: number;
  /** Undefined when the document is not ASL (a plain JSON/YAML file a generic client sent us). */
  result: AnalysisResult | undefined;
  /** Set when the engine failed; the server reports it instead of crashing. */
  error?: string;
}

/**
 * Analysis runs in slices of this many milliseconds with a turn of the event loop between them, so
 * on documents far above the 1 MB limit the server keeps reading messages (and drops stale work).
 */
export const SLICE_MS = 20;

/** An analysis under way: of which version, and whether it started from scratch (only those are dropped when stale). */
interface Job {
  version: number;
  generation: number;
  full: boolean;
  run: (shouldYield: () => boolean) => Analysis | undefined;
}

/** Supplies the configuration for a document and its generation (bumped on every change). */
export interface ConfigSource {
  configFor(uri: string): ResolvedConfig;
  readonly generation: number;
}

/** The open documents and the cached analysis of each one's current version. */
export class AslDocuments {
  readonly documents: TextDocuments<AslTextDocument>;
  private readonly cache = new Map<string, Analysis>();
  /** Per document: the edits since its cached analysis, as one span of that analysis' text. */
  private readonly edits = new Map<string, ChangeSpan>();
  /** Per document: the analysis under way, if any (it owns the cached result it started from). */
  private readonly jobs = new Map<string, Job>();
  /** Tells when a document's changes have stopped arriving; push validation schedules on it too. */
  readonly scheduler: Scheduler;

  /** @param dispatched how many messages the connection has dispatched (lets the scheduler see an empty queue) */
  constructor(private readonly config: ConfigSource, dispatched?: () => number) {
    this.scheduler = new Scheduler((uri) => this.documents.get(uri)?.version, dispatched);
    this.documents = new TextDocuments({ create: AslTextDocument.create, update: (document, changes, version) => this.update(document, changes, version) });
    this.documents.onDidClose((e) => {
      this.jobs.delete(e.document.uri);
      this.cache.delete(e.document.uri);
      this.edits.delete(e.document.uri);
      this.scheduler.cancel(e.document.uri);
    });
  }

  /** Applies didChange events one at a time, recording each as offsets into the text it applied to. */
  private update(document: AslTextDocument, changes: TextDocumentContentChangeEvent[], version: number): AslTextDocument {
    let span = this.edits.get(document.uri);
    for (const change of changes) span = addChange(span, document.apply(change));
    document.setVersion(version);
    if (span) this.edits.set(document.uri, span);
    return document;
  }

  get(uri: string): AslTextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): AslTextDocument[] {
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
    return (await this.settle(uri, token)) ? this.analysisInSlices(uri) : undefined;
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
    const analysis = await this.analysisInSlices(uri);
    if (this.documents.get(uri)?.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while it was analysed.');
    return analysis;
  }

  /** The analysis of the document's current version (cached), computed in one go; undefined when it is not open. */
  analysis(uri: string): Analysis | undefined {
    for (;;) {
      const document = this.documents.get(uri);
      if (!document) return undefined;
      const cached = this.current(uri, document);
      if (cached) return cached;
      this.jobFor(uri, document).run(() => false);
    }
  }

  /**
   * The analysis of the document's current version, computed in slices of SLICE_MS with a turn of
   * the event loop between them. When newer changes arrive meanwhile, the newest version is
   * analysed instead: a full analysis of a stale text is dropped, an incremental one (usually a
   * slice or two) is finished and the newer edits are applied to its result.
   */
  async analysisInSlices(uri: string): Promise<Analysis | undefined> {
    for (;;) {
      const document = this.documents.get(uri);
      if (!document) return undefined;
      const cached = this.current(uri, document);
      if (cached) return cached;
      const running = this.jobs.get(uri);
      if (running?.full && (running.version !== document.version || running.generation !== this.config.generation)) this.drop(uri);
      const job = this.jobFor(uri, document);
      const deadline = performance.now() + SLICE_MS;
      if (job.run(() => performance.now() > deadline)) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** The cached analysis when it is of this version and configuration. */
  private current(uri: string, document: AslTextDocument): Analysis | undefined {
    const cached = this.cache.get(uri);
    return cached && cached.version === document.version && cached.generation === this.config.generation ? cached : undefined;
  }

  /** The job under way for the document, or a new one for its current version. */
  private jobFor(uri: string, document: AslTextDocument): Job {
    const running = this.jobs.get(uri);
    if (running) return running;
    const generation = this.config.generation;
    const cached = this.cache.get(uri);
    const span = this.edits.get(uri);
    this.edits.delete(uri);
    // This version's text in pieces: an incremental analysis never needs it as one string.
    const text = document.text;
    // Incremental only from an analysis of the same configuration whose text the recorded edits turn into this one.
    const usable = cached?.generation === generation && cached.result && span && cached.length !== undefined && cached.length + span.delta === text.length;
    const change = usable ? toChange(span, text) : undefined;
    if (change) compileBaselineFromNowOn();
    // The job consumes the cached result (its tree is updated in place): never serve it again.
    this.cache.delete(uri);
    const analyse = startDocumentAnalysis(document, this.config.configFor(uri), generation, change && cached?.result, change);
    const job: Job = {
      version: document.version,
      generation,
      full: !change,
      run: (shouldYield) => {
        const analysis = analyse(shouldYield);
        if (analysis && this.jobs.get(uri) === job) {
          this.jobs.delete(uri);
          this.cache.set(uri, analysis);
        }
        return analysis;
      },
    };
    this.jobs.set(uri, job);
    return job;
  }

  /** Forgets a stale full analysis; the next one starts from scratch on the newest text. */
  private drop(uri: string): void {
    this.jobs.delete(uri);
    this.edits.delete(uri);
    this.cache.delete(uri);
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

/**
 * Starts analysing the document, incrementally from `previous` (which this consumes) when given;
 * the returned function works until done (the analysis) or until `shouldYield` says stop (undefined).
 */
function startDocumentAnalysis(document: AslTextDocument, config: ResolvedConfig, generation: number, previous?: AnalysisResult, change?: TextChange): (shouldYield: () => boolean) => Analysis | undefined {
  const format = formatOf(document);
  const base = { uri: document.uri, version: document.version, generation, format, document, length: document.text.length };
  const failed = (error: unknown): Analysis => ({ ...base, result: undefined, error: describeError(error) });
  let job: AnalysisJob;
  try {
    // A plain JSON/YAML document is re-sniffed on each version, unless the edit falls inside the
    // `States` object of the version analysed as ASL before: such an edit cannot add or remove a
    // root key, and sniffing would build the whole text on every keystroke.
    const stillAsl = previous && change && editInsideStates(previous, change);
    if (!stillAsl && !isAslDocument(document, format)) return () => ({ ...base, result: undefined });
    job = previous && change ? startAnalysisOfChange(previous, document.text, [change], { format, config }) : startAnalysis(document.getText(), { format, config });
  } catch (error) {
    return () => failed(error);
  }
  return (shouldYield) => {
    try {
      const result = job.resume(shouldYield);
      return result && { ...base, result };
    } catch (error) {
      // analyze() promises never to throw; if it does anyway, the server must stay up.
      return failed(error);
    }
  };
}

/** Whether `change` falls strictly inside the braces of the root's `States` object in `previous`. */
export function editInsideStates(previous: AnalysisResult, change: TextChange): boolean {
  const states = nodeAtPointer(previous.parsed.root, '/States');
  return states?.type === 'object' && change.offset > states.offset && change.offset + change.length < states.offset + states.length;
}

/** The error's type and where it was thrown; its message is left out because it may quote document text. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim();
  return frame ? `${error.name} ${frame}` : error.name;
}
