// A file's bytes -> the text the engine reads, or why they are not text: a definition is UTF-8
// (or UTF-16 with a byte-order mark); NUL bytes or invalid UTF-8 mean a binary or mis-encoded file.

/**
 * `text` of a `notText` source is the bytes read leniently (invalid UTF-8 replaced by U+FFFD): enough
 * to tell whether the file means to be a state machine, never analysed as one.
 */
export type DecodedSource = { kind: 'text'; text: string } | { kind: 'notText'; reason: string; text: string };

/**
 * Decodes file bytes. A byte-order mark selects UTF-16; otherwise the bytes must be UTF-8 (a
 * UTF-8 byte-order mark is dropped). A NUL byte or an invalid UTF-8 sequence makes it not text;
 * the reason names the byte offset, never the content.
 * @example decodeSource(new TextEncoder().encode('{"StartAt":"A"}')) // { kind: 'text', text: '{"StartAt":"A"}' }
 * @example decodeSource(Uint8Array.of(0x7b, 0xff)).reason // 'invalid UTF-8 at byte 1'
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  // TextDecoder drops a UTF-8 BOM and, not being `fatal`, replaces invalid bytes.
  const text = new TextDecoder('utf-8').decode(bytes);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { kind: 'notText', reason: `it contains NUL bytes (the first at byte ${nul})`, text };
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) return { kind: 'notText', reason: `invalid UTF-8 at byte ${invalid}`, text };
  return { kind: 'text', text };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedSource {
  const text = new TextDecoder(encoding).decode(bytes);
  const nul = text.indexOf('\u0000');
  return nul >= 0 ? { kind: 'notText', reason: `it contains NUL characters (the first at character ${nul})`, text } : { kind: 'text', text };
}

/** Offset of the first byte that starts no valid UTF-8 sequence (overlong forms and surrogates included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Sequence length and the allowed range of the second byte (RFC 3629, table 3-7 of Unicode).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > n) return i;
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return -1;
}
