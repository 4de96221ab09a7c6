// Copying a piece of a string without sharing memory with it. V8 represents `text.slice()` of 13
// or more characters as a view into `text`, so a value parsed from a slice of one version of a
// 17 MB document would keep that whole version alive for as long as the value lives.

const CHUNK = 8192;

/** The characters `[start, end)` of `text`, in a string of their own. */
export function detachedCopy(text: string, start: number, end: number): string {
  const codes = new Uint16Array(Math.min(CHUNK, Math.max(0, end - start)));
  let out = '';
  for (let from = start; from < end; from += CHUNK) {
    const to = Math.min(end, from + CHUNK);
    for (let i = from; i < to; i++) codes[i - from] = text.charCodeAt(i);
    out += String.fromCharCode.apply(null, codes.subarray(0, to - from) as unknown as number[]);
  }
  return out;
}
