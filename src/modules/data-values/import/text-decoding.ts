import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { AppError } from '../../../core/errors.js';

/** The encodings an import file may have. */
export type TextEncoding = 'utf-8' | 'gb18030';

/** How many bytes are looked at before choosing an encoding. */
const SNIFF_BYTES = 64 * 1024;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes a byte stream to text chunks: UTF-8 (a BOM is dropped), or GB18030/GBK — the default of
 * Chinese Excel's CSV export — when the first bytes are not valid UTF-8 but are sensible GB18030.
 * Streams: only the first 64 KiB are held to decide. `onBytes` reports bytes read (progress).
 */
export async function* decodeText(
  input: AsyncIterable<Buffer | string> | Readable,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<string> {
  const iterator = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = toBuffer(next.value);
    head.push(chunk);
    headBytes += chunk.length;
    onBytes?.(chunk.length);
  }
  let first = Buffer.concat(head);
  if (UTF8_BOM.every((byte, index) => first[index] === byte)) first = first.subarray(3);
  const encoding = detectEncoding(first, ended);
  const decoder = iconv.getDecoder(encoding);
  const text = decoder.write(first);
  if (text) yield text;
  if (!ended) {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const chunk = toBuffer(next.value);
      onBytes?.(chunk.length);
      const decoded = decoder.write(chunk);
      if (decoded) yield decoded;
    }
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** UTF-8 when `bytes` are valid UTF-8 (a sequence cut at the end is fine), else GB18030 if it reads well. */
export function detectEncoding(bytes: Buffer, isWhole: boolean): TextEncoding {
  if (isValidUtf8(bytes, isWhole)) return 'utf-8';
  const text = iconv.decode(isWhole ? bytes : bytes.subarray(0, bytes.length - 4), 'gb18030');
  // GB18030 decodes almost any bytes; sensible text has no replacement or control characters.
  if (!hasControlOrReplacement(text)) return 'gb18030';
  throw new AppError(
    'INVALID_IMPORT',
    'the file is neither UTF-8 nor GB18030 text: save it as CSV UTF-8 or as CSV from Chinese Excel',
    { conflict: { object: 'file', property: 'file', value: 'unknown text encoding', row: 0 } },
  );
}

/** True when `text` has U+FFFD or a control character other than tab, newline and carriage return. */
function hasControlOrReplacement(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) return true;
  }
  return false;
}

function isValidUtf8(bytes: Buffer, isWhole: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    // stream: true accepts a multi-byte character cut by the sniffing window.
    decoder.decode(bytes, { stream: !isWhole });
    return true;
  } catch {
    return false;
  }
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}
