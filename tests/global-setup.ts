import { openDatabase } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';

/** With DATABASE_URL the suite shares one PostgreSQL database: reset and migrate it once. */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const database = await openDatabase({ url, poolSize: 1 });
  try {
    await database.runScript('drop schema if exists public cascade; create schema public;');
    await migrate(database);
  } finally {
    await database.close();
  }
}
