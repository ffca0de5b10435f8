// Bytes of a raw article → text, with a clear word for anything odd.
// Policy: decode and warn when the text can be recovered without guessing wrongly (BOMs, UTF-16 without
// BOM, Windows-1252, CRLF/CR, a few stray control characters); refuse when the bytes are not text
// (known binary formats, mostly NULs or control characters) or when any decoding would be a guess
// that writes mojibake (legacy non-Latin code pages, broken UTF-16).
import iconv from 'iconv-lite';

export interface Decoded {
  text?: string;
  /** Why the file cannot be read as text. */
  error?: string;
  warnings: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Magic numbers of common binary formats that a careless editor may save under a text name. */
const MAGIC: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['gzip archive', [0x1f, 0x8b]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ZIP archive (or .docx/.odt)', [0x50, 0x4b, 0x03, 0x04]],
  ['ZIP archive', [0x50, 0x4b, 0x05, 0x06]],
  ['bzip2 archive', [0x42, 0x5a, 0x68]],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd archive', [0x28, 0xb5, 0x2f, 0xfd]],
  ['7-zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['Word 97-2003 document (OLE)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['RIFF media (WAV/AVI/WebP)', [0x52, 0x49, 0x46, 0x46]],
  ['Ogg media', [0x4f, 0x67, 0x67, 0x53]],
];

const startsWith = (bytes: Uint8Array, sig: number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/**
 * Decode a raw article: UTF-8 (BOM or not), UTF-16 LE/BE (BOM or not), else Windows-1252 with a warning.
 * Binary files are refused with the reason. Line ends become `\n`; control characters are dropped with a warning.
 * Never throws.
 * @example decodeArticle(Buffer.from('\uFEFFhi')).text //=> 'hi'
 */
export function decodeArticle(bytes: Uint8Array): Decoded {
  const warnings: string[] = [];
  let text: string;
  if (bytes.length === 0) return { text: '', warnings };
  for (const [name, sig] of MAGIC) {
    if (startsWith(bytes, sig)) return { error: `binary data, not text: looks like a ${name}`, warnings };
  }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    if (bytes.length % 4 !== 0) return { error: `UTF-32 ${le ? 'LE' : 'BE'} text with a byte count that is not a multiple of 4 (truncated?): save the file as UTF-8`, warnings };
    text = iconv.decode(Buffer.from(bytes.subarray(4)), le ? 'utf32le' : 'utf32be');
    warnings.push(`decoded as UTF-32 ${le ? 'LE' : 'BE'}: save the file as UTF-8 to silence this`);
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const le = bytes[0] === 0xff;
    const r = decodeUtf16(bytes.subarray(2), le);
    if (r.error) return { error: r.error, warnings };
    text = r.text!;
  } else if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      text = utf8.decode(bytes.subarray(3));
    } catch {
      return { error: 'starts with a UTF-8 byte-order mark but is not valid UTF-8 (damaged file?): save it again as UTF-8', warnings };
    }
  } else {
    const guess = guessUtf16(bytes);
    if (guess) {
      const r = decodeUtf16(bytes, guess === 'le');
      if (r.error) return { error: r.error, warnings };
      text = r.text!;
      warnings.push(`decoded as UTF-16 ${guess.toUpperCase()} without a byte-order mark: save the file as UTF-8 to silence this`);
    } else {
      const bin = binaryReason(bytes);
      if (bin) return { error: bin, warnings };
      try {
        text = utf8.decode(bytes);
      } catch {
        const mixed = decodeMixed(bytes);
        if (mixed.utf8Sequences > 0 && mixed.strayBytes <= Math.max(8, mixed.utf8Sequences)) {
          // Mostly UTF-8 with a few stray Latin-1 bytes (files pasted together): read each part as what it is.
          text = mixed.text;
          warnings.push(`mixed encodings: ${mixed.strayBytes} byte(s) that are not UTF-8 read as Windows-1252 (Latin-1); save the file as UTF-8 to silence this`);
          return clean(text, warnings);
        }
        if (!looksLikeWindows1252(bytes)) {
          return {
            error: 'not valid UTF-8, and not Western European text (Windows-1252/Latin-1) either: perhaps another legacy encoding; save the file as UTF-8',
            warnings,
          };
        }
        text = iconv.decode(Buffer.from(bytes), 'windows-1252');
        warnings.push('not valid UTF-8; decoded as Windows-1252 (Latin-1): check accented letters, and save the file as UTF-8 to silence this');
      }
    }
  }
  return clean(text, warnings);
}

/** Shared post-processing: line ends, stray BOMs, control characters, mojibake and binary checks. */
function clean(decoded: string, warnings: string[]): Decoded {
  let text = decoded.replace(/^\uFEFF+/, '');
  const hadCR = /\r/.test(text);
  text = text.replace(/\r\n?/g, '\n');
  // C1 controls in Unicode text are nearly always Windows-1252 punctuation that went through a Latin-1
  // conversion (U+0093/U+0094 for curly quotes, U+0085 for an ellipsis): show the intended character.
  let c1 = 0;
  text = text.replace(/[\u0080-\u009f]/g, (c) => {
    const w = iconv.decode(Buffer.from([c.charCodeAt(0)]), 'windows-1252');
    if (w === c || w === '\ufffd') return c; // undefined in Windows-1252: dropped below
    c1++;
    return w;
  });
  if (c1 > 0) warnings.push(`read ${c1} C1 control character(s) as the Windows-1252 punctuation they stand for (curly quotes, dashes…)`);
  if (hadCR && !/\r\n/.test(decoded)) {
    // Lone CR (classic Mac): worth saying, the file may look like one line elsewhere.
    warnings.push('line ends are lone CR characters (old Mac format); read as new lines');
  }
  const total = text.length;
  // Keep tab and newline; drop other C0/C1 controls, NUL, stray BOMs/non-characters.
  const cleaned = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\uFEFF\uFFFE\uFFFF]/g, '');
  const removed = total - cleaned.length;
  if (removed > 0) {
    if (removed > 64 && removed > total / 10) {
      return { error: `binary data, not text: ${removed} of ${total} characters are control characters or NULs`, warnings };
    }
    warnings.push(`removed ${removed} control character(s) (NUL, escape, form feed…)`);
  }
  const bad = countMatches(cleaned, /\uFFFD/g);
  if (bad > 0) {
    if (bad > 16 && bad > cleaned.length / 10) return { error: 'binary data, not text: mostly undecodable bytes', warnings };
    warnings.push(`contains ${bad} replacement character(s) (U+FFFD): the text was already damaged before dateline read it`);
  }
  if (/[ÃÂ][\u0080-\u00BF]|â€[\u0080-\u00BF\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/.test(cleaned)) {
    warnings.push('looks like mojibake (UTF-8 text that was read as Latin-1 and saved again, e.g. "Ã©" for "é"): check the source file');
  }
  if (/[\u202A-\u202E\u2066-\u2069]/.test(cleaned)) {
    warnings.push('contains bidirectional override characters, which can make text display in a misleading order');
  }
  return { text: cleaned, warnings };
}

function countMatches(s: string, re: RegExp): number {
  let n = 0;
  for (const _ of s.matchAll(re)) n++;
  return n;
}

function decodeUtf16(body: Uint8Array, le: boolean): { text?: string; error?: string } {
  const label = le ? 'UTF-16 LE' : 'UTF-16 BE';
  if (body.length % 2 === 1) return { error: `${label} text with an odd number of bytes (truncated or not UTF-16): save the file as UTF-8` };
  let text: string;
  try {
    text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(body);
  } catch {
    return { error: `${label} text with broken surrogate pairs (damaged file or not UTF-16): save the file as UTF-8` };
  }
  // A binary file that happens to start with FF FE decodes to a soup of CJK/private-use code points and NULs.
  const n = Math.min(text.length, 8192);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd) odd++;
  }
  if (n > 16 && odd > n / 10) return { error: `binary data, not text (starts like ${label} but decodes to control and private-use characters)` };
  return { text };
}

/**
 * UTF-16 without a byte-order mark: text in a Latin script has a NUL in every other byte.
 * Returns the byte order when at least 40% of the sampled code units have that shape and the other half has almost no NULs.
 */
function guessUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const units = n / 2;
  if (oddNul >= units * 0.4 && evenNul <= units * 0.02) return 'le';
  if (evenNul >= units * 0.4 && oddNul <= units * 0.02) return 'be';
  return undefined;
}

/** Why these bytes are not text, or undefined when they may be. */
function binaryReason(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 65536);
  let nul = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32 && b !== 27) || b === 127) ctrl++;
  }
  if (nul > 0 && nul >= n / 4) return `binary data, not text: ${Math.round((100 * nul) / n)}% NUL bytes`;
  // A few stray NULs in a text file are dropped with a warning; many mean a binary file.
  if (nul > 8 && nul > n / 100) return 'binary data, not text (NUL bytes throughout)';
  if (n > 16 && ctrl + nul > n / 10) return 'binary data, not text (mostly control characters)';
  return undefined;
}

/**
 * Windows-1252 Western European text: high bytes are sparse accented letters and punctuation among ASCII.
 * Cyrillic/Greek/CJK legacy code pages and random bytes have runs of high bytes instead.
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  let letters = 0;
  let run = 0;
  let longRuns = 0;
  let undefinedBytes = 0;
  for (const b of bytes) {
    if (b >= 0x80) {
      high++;
      run++;
      if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) undefinedBytes++;
    } else {
      if (run >= 3) longRuns++;
      run = 0;
      if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) letters++;
    }
  }
  if (run >= 3) longRuns++;
  if (undefinedBytes > 0) return false;
  if (high === 0) return true;
  // Western text: accented letters are a minority of letters, and rarely three in a row.
  return high <= (letters + high) * 0.3 && longRuns <= Math.max(1, high / 20);
}

/** Decode valid UTF-8 sequences as UTF-8 and every other byte as Windows-1252. */
function decodeMixed(bytes: Uint8Array): { text: string; utf8Sequences: number; strayBytes: number } {
  let out = '';
  let utf8Sequences = 0;
  let strayBytes = 0;
  let i = 0;
  let asciiStart = 0;
  const flush = (end: number) => {
    if (end > asciiStart) out += Buffer.from(bytes.subarray(asciiStart, end)).toString('latin1');
  };
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    let seq = '';
    if (ok) {
      try {
        seq = utf8.decode(bytes.subarray(i, i + len)); // rejects overlongs and surrogates
      } catch {
        ok = false;
      }
    }
    flush(i);
    if (ok) {
      out += seq;
      utf8Sequences++;
      i += len;
    } else {
      out += iconv.decode(Buffer.from([b]), 'windows-1252');
      strayBytes++;
      i++;
    }
    asciiStart = i;
  }
  flush(i);
  return { text: out, utf8Sequences, strayBytes };
}
