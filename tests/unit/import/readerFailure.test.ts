import { ImportFileError, readerFailure } from '../../../electron/import/errors';
import { ServiceError } from '../../../shared/contracts/core';
import { readerText } from '../../../shared/import/readerNotes';

/** Issue 10, point 7: what a library's own error means, never its text alone. */
describe('readerFailure', () => {
  it.each([
    [new TypeError("Cannot set properties of undefined (setting 'sheetNo')"), 'xlsx', 'fileDamaged'],
    [new Error('Invalid row number in model'), 'xlsx', 'fileDamaged'],
    [new Error('End of data reached (data length = 120, asked index = 300). Corrupted zip ?'), 'docx', 'fileDamaged'],
    [new Error('Corrupted zip: missing 12 bytes.'), 'xlsx', 'fileDamaged'],
    [{ name: 'InvalidPDFException', message: 'Invalid PDF structure.' }, 'pdf', 'fileDamaged'],
    [new RangeError('Invalid string length'), 'xlsx', 'fileTooLargeToRead'],
    [new RangeError('Array buffer allocation failed'), 'docx', 'fileTooLargeToRead'],
    ['a thrown string', 'xlsx', 'fileDamaged'],
  ] as const)('%s -> %s', (err, format, key) => {
    const failure = readerFailure(err, 'rapport.x', format);
    expect(failure).toBeInstanceOf(ImportFileError);
    const e = failure as ImportFileError;
    expect(e.file).toBe('rapport.x');
    expect(e.msg?.key).toBe(key);
    const raw = err instanceof Error || typeof err === 'object' ? (err as { message: string }).message : err;
    expect(e.message).not.toContain(raw);
    expect(readerText(e.msg!, 'en')).not.toContain(raw);
    expect(e.toIssue()).toMatchObject({ severity: 'error', file: 'rapport.x', message: e.message, msg: e.msg });
  });

  it('passes our own errors through unchanged', () => {
    const own = new ImportFileError('a.xlsx', "Ark 'Mål'", 'Egen besked');
    expect(readerFailure(own, 'a.xlsx', 'xlsx')).toBe(own);
    const cancelled = new ServiceError('CANCELLED', 'Annulleret');
    expect(readerFailure(cancelled, 'a.xlsx', 'xlsx')).toBe(cancelled);
  });
});
