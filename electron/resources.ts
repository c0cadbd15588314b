import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The `resources/` folder: beside the sources in development and the CLI, inside the app
 * bundle's resources when packaged. Found by walking up from this file.
 */
export function resourcesDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'demo'))) return candidate;
    dir = dirname(dir);
  }
  return resolve(process.cwd(), 'resources');
}
