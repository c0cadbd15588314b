import fs from 'node:fs';
import path from 'node:path';

/**
 * The copies openDatabase keeps before it migrates a file: `<file>.backup-v<N>-<time>`. A damaged
 * portfolio's message points to them, so this is the one place that knows the name.
 */
export function backupName(file: string, version: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let candidate = `${file}.backup-v${version}-${stamp}`;
  for (let i = 2; fs.existsSync(candidate); i++) candidate = `${file}.backup-v${version}-${stamp}-${i}`;
  return candidate;
}

/** The backups of `file` that exist beside it, newest first (by the time in their name). */
export function listBackups(file: string): string[] {
  const dir = path.dirname(path.resolve(file));
  const prefix = `${path.basename(file)}.backup-v`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const stamp = (name: string) => name.slice(prefix.length).replace(/^\d+-/, '');
  return names
    .filter((n) => n.startsWith(prefix) && /^\d+-/.test(n.slice(prefix.length)))
    .sort((a, b) => stamp(b).localeCompare(stamp(a)))
    .map((n) => path.join(dir, n));
}
