import { PG_URL_ENV, startPgCluster } from './pgServer';

/**
 * vitest globalSetup: one PostgreSQL cluster for the whole run (a database per test file is made
 * by freshPgDatabase). Without PostgreSQL binaries nothing starts and the PostgreSQL variants of
 * the tests are skipped with the reason in their names.
 */
export default async function setup(): Promise<() => void> {
  if (process.env[PG_URL_ENV]) return () => undefined;
  const cluster = await startPgCluster();
  if (!cluster) return () => undefined;
  process.env[PG_URL_ENV] = cluster.url;
  return () => cluster.stop();
}
