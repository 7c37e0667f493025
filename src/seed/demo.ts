import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { AppContext } from '../platform/app-context.js';
import type { DB } from '../db/types.js';
import { hashPassword } from '../domains/accounts/passwords.js';
import { addAddress } from '../domains/accounts/addresses-service.js';
import { recordConsents, SEED_CONSENT } from '../domains/accounts/privacy-policy.js';
import { ensureAdmin } from '../domains/admin/service.js';
import { seedCatalog } from '../domains/catalog/service.js';
import { upsertCity, type CitySeed } from '../domains/geo/service.js';
import { maskPhone } from '../platform/mask.js';
import { shanghaiGazetteer } from '../platform/providers/map-gazetteer.js';
import { DEMO_CATALOG } from './catalog-data.js';
import { chineseName, rng, type Rng } from './random.js';
import { seedPromotions } from './promotions.js';
import { customerHome, seedHistory, type HistoryCustomer, type HistoryFigures, type HistoryWorker } from './history.js';
import { insertDemoWorkers, planDemoWorkers } from './workers.js';

export const DEMO_PASSWORD = 'daojia2026';
export const DEMO_ADMINS = [
  { username: 'super', name: '超级管理员', roles: ['super_admin'] },
  { username: 'ops', name: '运营 小周', roles: ['operations'] },
  { username: 'finance', name: '财务 小钱', roles: ['finance'] },
  { username: 'support', name: '客服 小安', roles: ['support'] },
];
export const DEMO_CUSTOMER_PHONE = '13800000001';
/** A customer who signed up under the earlier privacy policy and signs in by password: asked to agree to the current one. */
export const EARLIER_POLICY_CUSTOMER_PHONE = '13800000002';
const EARLIER_POLICY_VERSION = '2026-06-01';
export const DEMO_WORKER_PHONE = '13900000001';
const CUSTOMER_COUNT = 20;
/** More demo customers for the history, per district: 138 0000 1001… (the seed's own range, like 138 0000 00xx). */
const HISTORY_CUSTOMERS_PER_DISTRICT = 10;

interface CityFile { city: CitySeed['city']; districts: CitySeed['districts'] }

export function loadCityFile(): CitySeed {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'shanghai.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as CityFile;
  return { city: data.city, districts: data.districts };
}

/** Seeds the demo city once (city, catalogue, admins, customers, a crew per district and trade); returns false when already there. */
export async function seedDemo(ctx: AppContext): Promise<boolean> {
  const city = loadCityFile();
  await upsertCity(ctx.db, city);
  const itemIds = await seedCatalog(ctx.db, DEMO_CATALOG);
  await seedCityPricing(ctx.db, city.city.code);
  const seeded = await ctx.db.selectFrom('admin_accounts').select('id').where('username', '=', 'super').executeTakeFirst();
  if (seeded) return false;
  for (const a of DEMO_ADMINS) await ensureAdmin(ctx, { ...a, password: DEMO_PASSWORD });
  const r = rng(20261123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const customers = await seedCustomers(ctx, r, passwordHash);
  const workers = await seedWorkers(ctx, r, city, itemIds, passwordHash);
  await seedPromotions(ctx, customers[0]!.id);
  // The city's past (its own PRNG, so the city above stays the same): orders, money, reviews; every rating derived.
  lastHistory = await seedHistory(ctx, rng(20261207), workers, [...customers, ...await seedHistoryCustomers(ctx, city)], { demoWorkerPhone: DEMO_WORKER_PHONE, demoCustomerPhone: DEMO_CUSTOMER_PHONE });
  return true;
}

/** What the last seedDemo's history made (orders, reviews, entries…), for the start-up log. */
export let lastHistory: HistoryFigures | null = null;

/** The city's multiplier and its night / urgent / holiday surcharges (weekends cost the same). */
export async function seedCityPricing(db: Kysely<DB>, cityCode: string) {
  const created = await db.insertInto('city_pricing').values({ city_code: cityCode, multiplier_bp: 10000 })
    .onConflict((oc) => oc.column('city_code').doNothing()).returning('city_code').executeTakeFirst();
  if (!created) return;
  const rule = (kind: 'night' | 'urgent' | 'holiday', zh: string, en: string, config: object, adjustment: object) => ({
    city_code: cityCode, kind, label_zh: zh, label_en: en, config: JSON.stringify(config), adjustment: JSON.stringify(adjustment),
  });
  await db.insertInto('price_rules').values([
    rule('night', '夜间服务费', 'Night surcharge', { from: '20:00', until: '08:00' }, { type: 'percent', bp: 2000 }),
    rule('urgent', '加急服务费（3 小时内上门）', 'Urgent surcharge (within 3 h)', { withinHours: 3 }, { type: 'fixed', fen: 3000 }),
    rule('holiday', '法定节假日服务费', 'Public holiday surcharge', { dates: ['2027-01-01'] }, { type: 'percent', bp: 2000 }),
  ]).execute();
}

async function insertPhoneUsers(ctx: AppContext, rows: { phone: string; name: string; gender: 'male' | 'female'; role: string; passwordHash: string | null }[]) {
  const users = await ctx.db.insertInto('users').values(rows.map((u) => ({
    roles: [u.role], name: u.name, gender: u.gender, phone_hash: ctx.pii.blindIndex(u.phone), phone_enc: ctx.pii.encrypt(u.phone),
    phone_masked: maskPhone(u.phone), password_hash: u.passwordHash,
  }))).returning(['id', 'phone_masked']).execute();
  const earlier = new Set(rows.flatMap((r, i) => (r.phone === EARLIER_POLICY_CUSTOMER_PHONE ? [users[i]!.id] : [])));
  await recordConsents(ctx.db, users.map((u) => u.id).filter((id) => !earlier.has(id)), SEED_CONSENT);
  await recordConsents(ctx.db, [...earlier], SEED_CONSENT, EARLIER_POLICY_VERSION);
  return users;
}

const districtName = (city: CitySeed, code: string) => city.districts.find((d) => d.code === code)?.name ?? '';

/** The seeded customers (the demo customer first) with a home each: the demo customer's 漕溪北路 flat, the others spread over the districts. */
async function seedCustomers(ctx: AppContext, r: Rng, passwordHash: string): Promise<HistoryCustomer[]> {
  const rows = Array.from({ length: CUSTOMER_COUNT }, (_, i) => {
    const gender = r.next() < 0.6 ? 'female' as const : 'male' as const;
    const phone = `138000000${String(i + 1).padStart(2, '0')}`;
    return { phone, name: chineseName(r, gender), gender, role: 'customer', passwordHash: phone === DEMO_CUSTOMER_PHONE || phone === EARLIER_POLICY_CUSTOMER_PHONE ? passwordHash : null };
  });
  const users = await insertPhoneUsers(ctx, rows);
  await addAddress(ctx, users[0]!.id, {
    label: '家', contactName: rows[0]!.name, contactPhone: DEMO_CUSTOMER_PHONE, districtCode: '310104',
    // No point given: the map provider finds 漕溪北路 in its gazetteer (about 1.4 km from the demo worker's home).
    detail: '漕溪北路 88 号 3 号楼 1202 室', isDefault: true,
  });
  const city = loadCityFile();
  const places = shanghaiGazetteer().places;
  const homes = rng(20261208);
  const demoHome = places.find((p) => p.name === '漕溪北路' && p.districtCode === '310104')!;
  return users.map((u, i) => {
    const districtCode = i === 0 ? '310104' : city.districts[i % city.districts.length]!.code;
    const home = i === 0 ? { lat: demoHome.lat, lng: demoHome.lng, detail: '漕溪北路 88 号 3 号楼 1202 室' } : customerHome(homes, places, districtCode);
    return { id: u.id, name: rows[i]!.name, phone: rows[i]!.phone, gender: rows[i]!.gender, districtCode, districtName: districtName(city, districtCode), ...home };
  });
}

/** Customers who only appear in the history: ten per district, living at its places (no password; SMS sign-in works). */
async function seedHistoryCustomers(ctx: AppContext, city: CitySeed): Promise<HistoryCustomer[]> {
  const r = rng(20261209);
  const places = shanghaiGazetteer().places;
  const rows = city.districts.flatMap((d, di) => Array.from({ length: HISTORY_CUSTOMERS_PER_DISTRICT }, (_, k) => {
    const gender = r.next() < 0.6 ? 'female' as const : 'male' as const;
    const phone = `13800001${String(di * HISTORY_CUSTOMERS_PER_DISTRICT + k + 1).padStart(3, '0')}`;
    return { phone, name: chineseName(r, gender), gender, role: 'customer', passwordHash: null, districtCode: d.code };
  }));
  const users = await insertPhoneUsers(ctx, rows);
  return users.map((u, i) => ({ id: u.id, name: rows[i]!.name, phone: rows[i]!.phone, gender: rows[i]!.gender, districtCode: rows[i]!.districtCode, districtName: districtName(city, rows[i]!.districtCode), ...customerHome(r, places, rows[i]!.districtCode) }));
}

async function seedWorkers(ctx: AppContext, r: Rng, city: CitySeed, itemIds: Map<string, string>, passwordHash: string): Promise<HistoryWorker[]> {
  const plans = planDemoWorkers(r, city, shanghaiGazetteer().places, new Date(), DEMO_WORKER_PHONE);
  const ids = await insertDemoWorkers(ctx, plans, itemIds, passwordHash, DEMO_WORKER_PHONE);
  return plans.map((p, i) => ({
    id: ids[i]!, phone: p.phone, name: p.displayName, trade: p.trade, districtCode: p.districtCode, homeLat: p.homeLat, homeLng: p.homeLng,
    radiusKm: p.serviceRadiusKm, itemCodes: p.itemCodes, hours: p.hours, experienceYears: p.experienceYears,
  }));
}
