import type { ReaderKey } from '../../../../shared/import/readerNotes';

/**
 * One file of the hostile corpus. `build` makes its bytes; the test runs it through
 * previewImport and, where the preview allows, applyImport against a copy of the demo.
 */
export interface HostileCase {
  /** Unique; also the file name unless `file` is given. */
  name: string;
  file?: string;
  build: () => Promise<Uint8Array> | Uint8Array;
  /** 'error': the preview must list an error; 'ok': it must not; 'any': either (what matters are the invariants). */
  expect: 'error' | 'ok' | 'any';
  /** An issue (an error where `expect` is 'error') must have this key... */
  key?: ReaderKey;
  /** ... or this Danish text ... */
  message?: RegExp;
  /** ... at this place. */
  location?: RegExp;
  /** Grid files (xlsx, CSV): every non-blank row below a header must be an item or named in an issue. */
  grid?: 'xlsx' | 'csv';
}

/** The cases' files get names that say which case they are. */
export const fileOf = (c: HostileCase) => c.file ?? c.name;
