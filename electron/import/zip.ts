import { createInflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { MAX_UNPACKED_BYTES } from '../../shared/import/limits';
import { readerMsg } from '../../shared/import/readerNotes';
import { ImportFileError } from './errors';

/**
 * A zip package (xlsx, docx) checked before a library unpacks it. exceljs and mammoth hand
 * the bytes to JSZip, which inflates every part into memory and fails with its own words
 * ("End of data reached", "Corrupted zip") or not at all (a zip bomb fills the memory). Here the
 * central directory is read first (names, sizes, encryption: APPNOTE 4.3.12-16), the declared
 * sizes are summed against MAX_UNPACKED_BYTES, and then each part is inflated as a stream,
 * never kept, stopping as soon as it yields more than it declared (a directory that lies) and
 * checking its CRC-32. Worksheets are counted (rows with values, cells) on the way, so that a
 * workbook too large for exceljs is refused before exceljs starts.
 */

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

/** The central directory's entries, or null when there is none to read (truncated, not a zip). */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => Number(view.getBigUint64(o, true));
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) {
    if (u32(o) === EOCD && o + 22 + u16(o + 20) <= bytes.length) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(eocd + 10);
  let size = u32(eocd + 12);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR) {
    const record = u64(eocd - 12);
    if (record + 56 > bytes.length || u32(record) !== ZIP64_EOCD) return null;
    count = u64(record + 32);
    size = u64(record + 40);
    offset = u64(record + 48);
  }
  if (offset + size > bytes.length) return null;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let o = offset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(o) !== CENTRAL) return null;
    const nameLength = u16(o + 28);
    const extraLength = u16(o + 30);
    const commentLength = u16(o + 32);
    if (o + 46 + nameLength + extraLength + commentLength > bytes.length) return null;
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(o + 46, o + 46 + nameLength)),
      flags: u16(o + 8),
      method: u16(o + 10),
      crc32: u32(o + 16),
      compressedSize: u32(o + 20),
      size: u32(o + 24),
      localOffset: u32(o + 42),
    };
    // ZIP64: the fields that overflowed 32 bits are in extra field 0x0001, in this order.
    for (let e = o + 46 + nameLength; e + 4 <= o + 46 + nameLength + extraLength; ) {
      const id = u16(e);
      const length = u16(e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        const next = () => {
          const v = p + 8 <= e + 4 + length ? u64(p) : -1;
          p += 8;
          return v;
        };
        if (entry.size === 0xffffffff) entry.size = next();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
        if (entry.localOffset === 0xffffffff) entry.localOffset = next();
        if (entry.size < 0 || entry.compressedSize < 0 || entry.localOffset < 0) return null;
      }
      e += 4 + length;
    }
    entries.push(entry);
    o += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What a worksheet holds, counted in its XML: rows with at least one value, and cells (formatted empty ones too). */
export interface SheetCount {
  part: string;
  rows: number;
  cells: number;
}

export interface ZipCheck {
  entries: ZipEntry[];
  /** Worksheets of a workbook (xl/worksheets/*.xml), with their sheet names where the workbook names them. */
  sheets: (SheetCount & { name: string | null })[];
  /** The sheets xl/workbook.xml lists. */
  listed: ListedSheet[];
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** An element start tag, optionally namespace-prefixed (the OpenXML SDK writes <x:row>). */
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c|v|is|f)(?=[\s>/])/g;
/** How far back a tag can start and still be unfinished at the end of a chunk. */
const TAIL = 64;

/** Counts rows and cells in a worksheet's XML as it streams by; nothing is kept. */
class SheetCounter {
  rows = 0;
  cells = 0;
  private rowHasValue = true;
  private carry = '';
  private from = 0;

  push(chunk: Buffer, last = false): void {
    // Tag names are ASCII, so latin1 decoding can't split a tag the way UTF-8 could.
    const text = this.carry + chunk.toString('latin1');
    const until = last ? text.length : Math.max(this.from, text.length - TAIL / 2);
    TAG.lastIndex = this.from;
    for (let m = TAG.exec(text); m && m.index < until; m = TAG.exec(text)) {
      const name = m[1];
      if (name === 'row') this.rowHasValue = false;
      else if (name === 'c') this.cells += 1;
      else if (!this.rowHasValue) {
        this.rowHasValue = true;
        this.rows += 1;
      }
    }
    const keep = Math.min(TAIL, text.length);
    this.carry = text.slice(text.length - keep);
    this.from = Math.max(0, until - (text.length - keep));
  }
}

/** A sheet as xl/workbook.xml lists it, with the part its relationship points at. */
export interface ListedSheet {
  name: string;
  /** The relationship's target as written ("worksheets/sheet1.xml", sometimes "/xl/worksheets/sheet1.xml"). */
  target: string;
  /** The part in the package it names. */
  part: string;
}

/** The sheets of xl/workbook.xml and the parts its relationships name; [] where either part is unreadable. */
function listedSheets(workbook: string | undefined, rels: string | undefined): ListedSheet[] {
  if (!workbook || !rels) return [];
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[1])?.[1];
    if (id && target) targets.set(id, target);
  }
  const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const sheets: ListedSheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const id = /\b(?:r|\w+):id="([^"]+)"/.exec(m[1])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name === undefined || !target) continue;
    const part = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).replace(/\/\.\//g, '/');
    sheets.push({ name: unescape(name), target, part });
  }
  return sheets;
}

/**
 * A part that declares at most this many bytes is inflated in one call (its output capped at what
 * it declared): a workbook's parts are mostly this small, and a stream's events cost more than
 * inflating them. Larger parts are streamed, so that the thread can do other work between chunks.
 */
const INFLATE_AT_ONCE = 4 * MB;

/** inflatePart for a small part, in one call: the same checks, the same answer. */
function inflateSmallPart(file: string, entry: ZipEntry, data: Uint8Array, counter: SheetCounter | null, keep: boolean): string | undefined {
  let out: Buffer;
  try {
    // One byte more than declared: a part that yields more is one whose directory lies.
    out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ImportFileError(file, '', readerMsg(code === 'ERR_BUFFER_TOO_LARGE' ? 'zipSizeMismatch' : 'zipEntryDamaged', { part: entry.name }));
  }
  if (out.length > entry.size) throw new ImportFileError(file, '', readerMsg('zipSizeMismatch', { part: entry.name }));
  if (out.length !== entry.size || crc32(out) !== entry.crc32) throw new ImportFileError(file, '', readerMsg('zipEntryDamaged', { part: entry.name }));
  counter?.push(out, true);
  return keep ? out.toString('utf8') : undefined;
}

/** Inflates one part as a stream, counting; resolves with its text when `keep` (small XML parts only). */
function inflatePart(file: string, entry: ZipEntry, data: Uint8Array, counter: SheetCounter | null, keep: boolean): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    let crc = 0;
    const kept: Buffer[] = [];
    const fail = (key: 'zipEntryDamaged' | 'zipSizeMismatch') => {
      inflate.destroy();
      reject(new ImportFileError(file, '', readerMsg(key, { part: entry.name })));
    };
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > entry.size) return fail('zipSizeMismatch');
      crc = crc32(chunk, crc);
      counter?.push(chunk);
      if (keep) kept.push(chunk);
    });
    inflate.on('error', () => fail('zipEntryDamaged'));
    inflate.on('end', () => {
      if (total !== entry.size || crc !== entry.crc32) return fail('zipEntryDamaged');
      counter?.push(Buffer.alloc(0), true);
      resolve(keep ? Buffer.concat(kept).toString('utf8') : undefined);
    });
    inflate.end(data);
  });
}

/**
 * Reads the directory and every part's size and checksum without keeping the parts; throws
 * ImportFileError (keyed) for a damaged, encrypted or oversized package.
 */
export async function checkZip(bytes: Uint8Array, file: string, format: 'xlsx' | 'docx'): Promise<ZipCheck> {
  const entries = zipDirectory(bytes);
  if (!entries || entries.length === 0) throw new ImportFileError(file, '', readerMsg('zipDamaged'));
  if (entries.some((e) => e.flags & 1)) throw new ImportFileError(file, '', readerMsg('zipEncrypted'));
  let declared = 0;
  for (const e of entries) declared += e.size;
  if (declared > MAX_UNPACKED_BYTES) throw new ImportFileError(file, '', readerMsg('zipTooLargeUnpacked', { sizeMb: Math.round(declared / MB), limitMb: MAX_UNPACKED_BYTES / MB }));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const counts: SheetCount[] = [];
  let workbook: string | undefined;
  let rels: string | undefined;
  for (const entry of entries) {
    const o = entry.localOffset;
    if (o + 30 > bytes.length || view.getUint32(o, true) !== LOCAL) throw new ImportFileError(file, '', readerMsg('zipDamaged'));
    const start = o + 30 + view.getUint16(o + 26, true) + view.getUint16(o + 28, true);
    if (start + entry.compressedSize > bytes.length) throw new ImportFileError(file, '', readerMsg('zipDamaged'));
    const data = bytes.subarray(start, start + entry.compressedSize);
    const isSheet = WORKSHEET.test(entry.name);
    const counter = isSheet ? new SheetCounter() : null;
    const keep = (entry.name === 'xl/workbook.xml' || entry.name === 'xl/_rels/workbook.xml.rels') && entry.size < 10 * MB;
    let text: string | undefined;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size || crc32(data) !== entry.crc32) throw new ImportFileError(file, '', readerMsg('zipEntryDamaged', { part: entry.name }));
      counter?.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength), true);
      if (keep) text = Buffer.from(data).toString('utf8');
    } else if (entry.method === 8 && entry.size <= INFLATE_AT_ONCE) {
      text = inflateSmallPart(file, entry, data, counter, keep);
    } else if (entry.method === 8) {
      text = await inflatePart(file, entry, data, counter, keep);
    } else {
      throw new ImportFileError(file, '', readerMsg('zipUnsupported', { part: entry.name, termFormat: format === 'xlsx' ? 'formatXlsx' : 'formatDocx' }));
    }
    if (entry.name === 'xl/workbook.xml') workbook = text;
    if (entry.name === 'xl/_rels/workbook.xml.rels') rels = text;
    if (counter) counts.push({ part: entry.name, rows: counter.rows, cells: counter.cells });
  }
  const listed = listedSheets(workbook, rels);
  return { entries, listed, sheets: counts.map((c) => ({ ...c, name: listed.find((l) => l.part === c.part)?.name ?? null })) };
}
