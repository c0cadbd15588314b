import { parseArgs } from 'node:util';
import { formatDanishNumber } from '../shared/numbers/danish';
import { startPgCluster } from '../tests/helpers/pgServer';
import { runTeamLoad } from './teamLoad';

/**
 * `npm run loadtest [-- --users 20 --seconds 60 --db postgres://admin@127.0.0.1:PORT/DB]`:
 * issue 13's load test. Without --db it starts a throwaway PostgreSQL cluster in a temp folder
 * on a free loopback port (Debian's binaries; as the postgres user when run as root) and removes
 * it after. Prints the counts and the write latency; exits 1 on a lost update or a raw error.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { db: { type: 'string' }, users: { type: 'string' }, seconds: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  const users = Number(values.users ?? 20);
  const seconds = Number(values.seconds ?? 60);
  if (!Number.isInteger(users) || users < 1 || users > 200 || !(seconds > 0 && seconds <= 600)) {
    process.stderr.write('Fejl: --users skal være 1-200 og --seconds 1-600.\n');
    return 2;
  }
  const cluster = values.db ? null : await startPgCluster();
  if (!values.db && !cluster) {
    process.stderr.write('Fejl: ingen PostgreSQL 14+ fundet; installér postgresql, eller giv --db postgres://ADMIN@127.0.0.1:PORT/TOM_DB.\n');
    return 2;
  }
  try {
    let url = values.db ?? '';
    if (cluster) {
      const pg = (await import('pg')).default;
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('CREATE DATABASE trafiklys_load');
      await admin.end();
      const u = new URL(cluster.url);
      u.pathname = '/trafiklys_load';
      url = u.toString();
    }
    const r = await runTeamLoad({ url, users, seconds, seed: values.seed ? Number(values.seed) : undefined, log: (l) => process.stdout.write(`${l}\n`) });
    const ms = (v: number) => `${formatDanishNumber(v, 1)} ms`;
    process.stdout.write(
      [
        `Gemte ændringer: ${r.writes} (heraf imports: ${r.imports}); læsninger af porteføljen: ${r.reads}`,
        `Afviste, fordi en anden gemte først ("Ændret af …; genindlæs"): ${r.conflicts}`,
        `Tabte ændringer: ${r.lostUpdates}`,
        `Rå fejl: ${r.rawErrors.length}${r.rawErrors.length ? `\n  ${r.rawErrors.slice(0, 10).join('\n  ')}` : ''}`,
        `Skrivetid: median ${ms(r.writeMs.p50)}, p95 ${ms(r.writeMs.p95)}, største ${ms(r.writeMs.max)}`,
      ].join('\n') + '\n',
    );
    return r.lostUpdates === 0 && r.rawErrors.length === 0 ? 0 : 1;
  } finally {
    cluster?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Fejl: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
