// In-process comparison on the same generated documents, in interleaved rounds (medians):
// bare jsonc-parser parseTree, ASL Guard full analysis (cold), ASL Guard after one edit (warm,
// incremental), and the AWS language service's parseJSONDocument + doValidation.
//   node --import tsx bench/in-process.mts [--sizes 10,100,1000] [--json]
import { fileURLToPath } from 'node:url';
import { parseTree } from 'jsonc-parser';
import aws from 'amazon-states-language-service';
import { core } from './core-bundle.mjs';
import { generateText } from './generate-definition.mjs';
import { median } from './stats.mjs';

const { analyze, analyzeChange, startAnalysis, PieceText } = core;

export interface InProcessRow {
  states: number;
  bytes: number;
  parseTree: number;
  cold: number;
  warm: number;
  /** One edit that changes a transition (typing into a Next value): the model is rebuilt. */
  warmStructural: number;
  /** The longest stretch between two pauses of a cold analysis run as a job. */
  longestSlice: number;
  aws: number | undefined;
}

// A CommonJS package: take its exports from the default import.
const awsService = aws.getLanguageService({});

async function timeAws(text: string): Promise<number> {
  const doc = aws.TextDocument.create('file:///bench.asl.json', 'asl', 1, text);
  const start = performance.now();
  const json = awsService.parseJSONDocument(doc);
  await awsService.doValidation(doc, json);
  return performance.now() - start;
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** An edit of one character inside a string value in the middle of the document, as a person types. */
export function middleEdit(text: string): { offset: number; length: number; text: string } {
  const at = text.indexOf('"Comment": "', Math.floor(text.length / 2));
  return { offset: at + '"Comment": "'.length, length: 0, text: 'x' };
}

/** An edit of one character inside a Next value in the middle of the document. */
export function structuralEdit(text: string): { offset: number; length: number; text: string } {
  const at = text.indexOf('"Next": "', Math.floor(text.length / 2));
  return { offset: at + '"Next": "'.length, length: 0, text: 'x' };
}

function longestSlice(text: string): number {
  const job = startAnalysis(text, { format: 'json' });
  let longest = 0;
  let start = performance.now();
  const pause = () => {
    const now = performance.now();
    longest = Math.max(longest, now - start);
    start = now;
    return true;
  };
  while (!job.resume(pause)) start = performance.now();
  return Math.max(longest, performance.now() - start);
}

export async function measureInProcess(states: number, rounds: number, awsRounds: number): Promise<InProcessRow> {
  const text = generateText(states);
  const edit = middleEdit(text);
  // As the server holds documents: a piece table, so an edit does not build a whole new string.
  const edited = PieceText.of(text).apply(edit.offset, edit.length, edit.text);
  const structural = structuralEdit(text);
  const restructured = PieceText.of(text).apply(structural.offset, structural.length, structural.text);
  const samples = { parseTree: [] as number[], cold: [] as number[], warm: [] as number[], warmStructural: [] as number[], longestSlice: [] as number[], aws: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    samples.parseTree.push(time(() => parseTree(text)));
    samples.cold.push(time(() => analyze(text, { format: 'json' })));
    const previous = analyze(text, { format: 'json' });
    samples.warm.push(time(() => analyzeChange(previous, edited, [edit], { format: 'json' })));
    const before = analyze(text, { format: 'json' });
    samples.warmStructural.push(time(() => analyzeChange(before, restructured, [structural], { format: 'json' })));
    samples.longestSlice.push(longestSlice(text));
    if (round < awsRounds) samples.aws.push(await timeAws(text));
  }
  return {
    states,
    bytes: Buffer.byteLength(text),
    parseTree: median(samples.parseTree),
    cold: median(samples.cold),
    warm: median(samples.warm),
    warmStructural: median(samples.warmStructural),
    longestSlice: median(samples.longestSlice),
    aws: samples.aws.length ? median(samples.aws) : undefined,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizesArg = process.argv.indexOf('--sizes');
  const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [10, 100, 1000];
  (async () => {
    const rows: InProcessRow[] = [];
    for (const n of sizes) rows.push(await measureInProcess(n, n >= 5000 ? 3 : 9, n >= 20000 ? 1 : n >= 5000 ? 2 : 5));
    if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
    else console.table(rows.map((r) => ({ ...r, parseTree: r.parseTree.toFixed(1), cold: r.cold.toFixed(1), warm: r.warm.toFixed(2), warmStructural: r.warmStructural.toFixed(1), longestSlice: r.longestSlice.toFixed(1), aws: r.aws?.toFixed(0) })));
  })();
}
