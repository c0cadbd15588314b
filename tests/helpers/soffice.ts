import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

/**
 * LibreOffice converting documents (DOCX -> PDF) with a private profile, so a user's or another
 * test's LibreOffice settings and running instance play no part. Throws with LibreOffice's output
 * when a file was not converted.
 */
export function convertToPdf(files: string[]): Map<string, Buffer> {
  const work = mkdtempSync(join(tmpdir(), 'trafiklys-soffice-'));
  try {
    const profile = join(work, 'profile');
    const out = join(work, 'out');
    mkdirSync(join(profile, 'user'), { recursive: true });
    mkdirSync(out);
    let log = '';
    try {
      log = execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, ...files.map((f) => resolve(f))], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 300_000,
      });
    } catch (err) {
      throw new Error(`LibreOffice kunne ikke konvertere ${files.join(', ')}: ${String((err as { stderr?: string }).stderr ?? err)}`);
    }
    const result = new Map<string, Buffer>();
    for (const f of files) {
      const pdf = join(out, basename(f).replace(/\.[^.]+$/, '.pdf'));
      try {
        result.set(f, readFileSync(pdf));
      } catch {
        throw new Error(`LibreOffice skrev ingen PDF for ${f}: ${log}`);
      }
    }
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
