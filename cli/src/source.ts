// Limits on what the CLI reads (decoding is the engine's: decodeSource in core/text/decode.ts).

/**
 * Files larger than this are reported, not loaded. AWS caps a definition at 1 MB, so the limit
 * only protects the scanner; it leaves room for templates that embed several definitions.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** `20 MB`, `1.5 MB`, `300 KB`: for messages about file sizes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
