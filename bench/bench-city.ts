/**
 * The 100 000-worker city the search and matching benchmarks share: its own database `daojia_bench` on the
 * given server (never the test database), seeded once with set-based SQL.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import type { Database } from '../src/db/database.js';
import { seedCatalog } from '../src/domains/catalog/service.js';
import { upsertCity } from '../src/domains/geo/service.js';
import { DEMO_CATALOG } from '../src/seed/catalog-data.js';
import { loadCityFile } from '../src/seed/demo.js';

export async function benchDatabase(SERVER: string): Promise<string> {
  const url = new URL(SERVER);
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = 'daojia_bench'");
  if (!exists.rowCount) await admin.query('create database daojia_bench');
  await admin.end();
  url.pathname = '/daojia_bench';
  return url.toString();
}

export async function seedBenchWorkers(database: Database, WORKERS: number, log: (...m: unknown[]) => void) {
  const db = database.db;
  await upsertCity(db, loadCityFile());
  await seedCatalog(db, DEMO_CATALOG);
  const have = await sql<{ n: number }>`select count(*)::int as n from users where name like 'bench-%'`.execute(db);
  const missing = WORKERS - Number(have.rows[0]!.n);
  if (missing <= 0) return;
  const t0 = performance.now();
  log(`seeding ${missing} workers…`);
  await database.runScript(`
    insert into users (roles, name) select '{worker}', 'bench-' || g from generate_series(1, ${missing}) g;
    with d as (select array_agg(code order by code) codes, array_agg(center_lat order by code) lats, array_agg(center_lng order by code) lngs,
                      array_agg(radius_km order by code) radii, count(*)::int n from districts),
         u as (select id, abs(hashtext(id::text)) h from users where name like 'bench-%' and not exists (select 1 from worker_profiles w where w.user_id = users.id))
    insert into worker_profiles (user_id, display_name, gender, district_code, home_lat, home_lng, service_radius_km, experience_years,
                                 rating_avg, rating_count, orders_done, status, online)
    select u.id, '师傅' || (u.h % 100000), case when u.h % 10 < 7 then 'female' else 'male' end, d.codes[1 + u.h % d.n],
           d.lats[1 + u.h % d.n] + (random() - 0.5) * d.radii[1 + u.h % d.n] / 60.0, d.lngs[1 + u.h % d.n] + (random() - 0.5) * d.radii[1 + u.h % d.n] / 52.0,
           (array[3, 5, 5, 8, 10])[1 + (u.h / 7) % 5], (u.h / 11) % 16, round((4 + random())::numeric, 2), (u.h / 13) % 400, (u.h / 17) % 600, 'approved', random() < 0.7
    from u, d;
    insert into worker_skills (worker_id, item_id)
    select w.user_id, i.id from worker_profiles w
      join lateral (select id from service_items order by md5(w.user_id::text || id::text) limit 3) i on true
    where w.display_name like '师傅%' on conflict do nothing;
    insert into worker_hours (worker_id, weekday, start_minute, end_minute)
    select w.user_id, d, 480 + 60 * (abs(hashtext(w.user_id::text)) % 3), 1080 + 60 * (abs(hashtext(w.user_id::text)) % 3)
    from worker_profiles w cross join generate_series(0, 6) d where w.display_name like '师傅%' on conflict do nothing;
    analyze;
  `);
  log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

