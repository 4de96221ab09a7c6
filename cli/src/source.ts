// Turns a file's bytes into text for the engine: BOM-aware decoding (UTF-8, UTF-16), invalid
// UTF-8 replaced rather than fatal, binary files recognised, oversized files refused.

/**
 * Files larger than this are reported, not loaded. AWS caps a definition at 1 MB, so the limit
 * only protects the scanner; it leaves room for templates that embed several definitions.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type Decoded = { kind: 'text'; text: string } | { kind: 'binary' };

/**
 * Decodes file bytes. A byte-order mark selects UTF-16; otherwise the bytes are UTF-8, with
 * invalid sequences replaced by U+FFFD. A NUL byte in the first 8 KiB (git's own test) marks a
 * binary file.
 * @example decodeSource(new TextEncoder().encode('{"StartAt":"A"}')) // { kind: 'text', text: '{"StartAt":"A"}' }
 */
export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes) };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { kind: 'binary' };
  // TextDecoder drops a UTF-8 BOM and, not being `fatal`, replaces invalid bytes.
  return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes) };
}

/** `20 MB`, `1.5 MB`, `300 KB`: for messages about file sizes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
