import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { adminQuery, dropDatabases, newRunId, runDatabases, templateName, urlWithDatabase } from './helpers/pg-databases.js';

/**
 * With DATABASE_URL (the server; its own database is left alone) each test file gets its own database: this
 * setup migrates a template `daojia_tpl_<run>`, each file clones it (tests/helpers/pg-databases.ts), and the
 * teardown drops the template and every clone of the run. Databases left by a killed run are dropped here.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return;
  await dropDatabases(serverUrl, await runDatabases(serverUrl, 'stale'));
  const runId = newRunId();
  const template = templateName(runId);
  await adminQuery(serverUrl, `create database "${template}"`);
  const database = await openDatabase({ url: urlWithDatabase(serverUrl, template), poolSize: 2 });
  try {
    await migrate(database);
  } finally {
    await database.close(); // a template must have no connections when it is cloned
  }
  project.provide('pgRunId', runId);
  return async () => {
    await dropDatabases(serverUrl, await runDatabases(serverUrl, runId));
  };
}
