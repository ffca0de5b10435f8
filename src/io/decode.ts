// Bytes of a raw article → text, with a clear word for anything odd.
import iconv from 'iconv-lite';

export interface Decoded {
  text?: string;
  /** Why the file cannot be read as text. */
  error?: string;
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode a raw article: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252 with a warning.
 * Binary files are refused. Line ends become `\n`; control characters are dropped with a warning.
 * @example decodeArticle(Buffer.from('\uFEFFhi')).text //=> 'hi'
 */
export function decodeArticle(bytes: Uint8Array): Decoded {
  const warnings: string[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le');
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be');
  } else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    if (looksBinary(body)) return { error: 'binary data, not text (NUL bytes or mostly control characters)', warnings };
    try {
      text = utf8.decode(body);
    } catch {
      text = iconv.decode(Buffer.from(body), 'windows-1252');
      warnings.push('not valid UTF-8; decoded as Windows-1252 (Latin-1): save the file as UTF-8 to silence this');
    }
  }
  text = text.replace(/\r\n?/g, '\n');
  // Keep tab and newline; drop other C0/C1 controls and NUL.
  const cleaned = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
  if (cleaned.length !== text.length) {
    warnings.push(`removed ${text.length - cleaned.length} control character(s)`);
  }
  if (looksBinaryText(cleaned)) return { error: 'binary data, not text', warnings };
  return { text: cleaned, warnings };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32)) ctrl++;
  }
  return nul > 0 && (nul > 2 || ctrl > n / 20) ? true : ctrl > n / 10 && n > 16;
}

function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, 8192);
  if (n < 16) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad > n / 10;
}
