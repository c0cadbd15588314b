import { isPostgresUrl } from '../../storage/pg/pgDb';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliCommand } from '../types';
import { CliError, requireString } from '../types';
import { createDemoPortfolio } from '../../services/demo';
import { resourcesDir } from '../../resources';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Opret demoporteføljen (Headstart og work-live-stay) i en ny databasefil.',
  usage: 'demo --db FILE',
  options: { db: { type: 'string' } },
  async run(args, io) {
    const db = resolve(requireString(args, 'db'));
    if (isPostgresUrl(requireString(args, 'db'))) throw new CliError(args.t.fileOnly('demo'), 2);
    if (existsSync(db)) throw new CliError(args.t.demoExists(db));
    const { projectIds } = await createDemoPortfolio(db, resourcesDir());
    io.out(args.t.demoCreated(db, projectIds.length));
    return 0;
  },
};
