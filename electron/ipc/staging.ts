import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ServiceError } from '../../shared/contracts/core';

const MAX_BYTES = 50 * 1024 * 1024;

/** The file's own name without any folder part, with characters no file system accepts replaced. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'));
  const cleaned = [...base].map((ch) => (ch.charCodeAt(0) < 32 || '<>:"|?*'.includes(ch) ? '_' : ch)).join('');
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'fil' : cleaned;
}

/**
 * Writes dropped or uploaded files into a fresh private folder under their own names (so that
 * import messages name the file the user knows) and returns their paths.
 */
export async function stageFiles(files: { name: string; dataBase64: string }[]): Promise<string[]> {
  const folder = join(tmpdir(), `trafiklys-import-${randomBytes(8).toString('hex')}`);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const used = new Set<string>();
  const paths: string[] = [];
  for (const file of files) {
    const data = Buffer.from(file.dataBase64, 'base64');
    if (data.length > MAX_BYTES)
      throw new ServiceError('IMPORT_FAILED', `${file.name}: filen er større end 50 MB og kan ikke importeres.`);
    let name = safeName(file.name);
    for (let i = 2; used.has(name); i++) name = name.replace(/(\.[^.]*)?$/, `-${i}$1`);
    used.add(name);
    const path = join(folder, name);
    await writeFile(path, data, { mode: 0o600 });
    paths.push(path);
  }
  return paths;
}
