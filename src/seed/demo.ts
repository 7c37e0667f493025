import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { AppContext } from '../app-context.js';
import type { DB } from '../db/types.js';
import { hashPassword } from '../domains/accounts/passwords.js';
import { addAddress } from '../domains/accounts/addresses-service.js';
import { ensureAdmin } from '../domains/admin/service.js';
import { seedCatalog } from '../domains/catalog/service.js';
import { upsertCity, type CitySeed } from '../domains/geo/service.js';
import { createWorkerProfiles, type WorkerSeed } from '../domains/workers/service.js';
import { maskPhone } from '../platform/mask.js';
import { DEMO_CATALOG, TRADES } from './catalog-data.js';
import { chineseName, pointNear, rng, type Rng } from './random.js';
import { seedPromotions } from './promotions.js';

export const DEMO_PASSWORD = 'daojia2026';
export const DEMO_ADMINS = [
  { username: 'super', name: '超级管理员', roles: ['super_admin'] },
  { username: 'ops', name: '运营 小周', roles: ['operations'] },
  { username: 'finance', name: '财务 小钱', roles: ['finance'] },
  { username: 'support', name: '客服 小安', roles: ['support'] },
];
export const DEMO_CUSTOMER_PHONE = '13800000001';
export const DEMO_WORKER_PHONE = '13900000001';
const WORKER_COUNT = 240;
const CUSTOMER_COUNT = 20;

interface CityFile { city: CitySeed['city']; districts: CitySeed['districts'] }

export function loadCityFile(): CitySeed {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'shanghai.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as CityFile;
  return { city: data.city, districts: data.districts };
}

/** Seeds the demo city once (city, catalogue, admins, customers, 240 workers); returns false when already there. */
export async function seedDemo(ctx: AppContext): Promise<boolean> {
  const city = loadCityFile();
  await upsertCity(ctx.db, city);
  const itemIds = await seedCatalog(ctx.db, DEMO_CATALOG);
  await seedCityPricing(ctx.db, city.city.code);
  const seeded = await ctx.db.selectFrom('admin_accounts').select('id').where('username', '=', 'super').executeTakeFirst();
  if (seeded) return false;
  for (const a of DEMO_ADMINS) await ensureAdmin(ctx, { ...a, password: DEMO_PASSWORD });
  const r = rng(20261123);
  await seedItemStats(ctx.db, r);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const demoCustomerId = await seedCustomers(ctx, r, passwordHash);
  await seedWorkers(ctx, r, city, itemIds, passwordHash);
  await seedPromotions(ctx, demoCustomerId);
  return true;
}

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

/** Demo popularity and ratings per item (real figures come from orders and reviews). */
async function seedItemStats(db: Kysely<DB>, r: Rng) {
  const items = await db.selectFrom('service_items').select('id').orderBy('code').execute();
  for (const item of items) {
    const ratingCount = r.int(20, 3000);
    await db.updateTable('service_items').set({ popularity: ratingCount + r.int(0, 2000), rating_count: ratingCount, rating_avg: Math.round((4.5 + r.next() * 0.48) * 100) / 100 })
      .where('id', '=', item.id).execute();
  }
}

async function insertPhoneUsers(ctx: AppContext, rows: { phone: string; name: string; gender: 'male' | 'female'; role: string; passwordHash: string | null }[]) {
  return ctx.db.insertInto('users').values(rows.map((u) => ({
    roles: [u.role], name: u.name, gender: u.gender, phone_hash: ctx.pii.blindIndex(u.phone), phone_enc: ctx.pii.encrypt(u.phone),
    phone_masked: maskPhone(u.phone), password_hash: u.passwordHash,
  }))).returning(['id', 'phone_masked']).execute();
}

async function seedCustomers(ctx: AppContext, r: Rng, passwordHash: string): Promise<string> {
  const rows = Array.from({ length: CUSTOMER_COUNT }, (_, i) => {
    const gender = r.next() < 0.6 ? 'female' as const : 'male' as const;
    const phone = `138000000${String(i + 1).padStart(2, '0')}`;
    return { phone, name: chineseName(r, gender), gender, role: 'customer', passwordHash: phone === DEMO_CUSTOMER_PHONE ? passwordHash : null };
  });
  const users = await insertPhoneUsers(ctx, rows);
  await addAddress(ctx, users[0]!.id, {
    label: '家', contactName: rows[0]!.name, contactPhone: DEMO_CUSTOMER_PHONE, districtCode: '310104',
    detail: '漕溪北路 88 号 3 号楼 1202 室', lat: 31.1886, lng: 121.4365, isDefault: true,
  });
  return users[0]!.id;
}

async function seedWorkers(ctx: AppContext, r: Rng, city: CitySeed, itemIds: Map<string, string>, passwordHash: string) {
  const tradeNames = Object.keys(TRADES);
  // Denser in the central districts: weight by sqrt of the area's radius.
  const weights = city.districts.map((d) => Math.sqrt(d.radiusKm));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickDistrict = () => {
    let x = r.next() * total;
    for (const [i, w] of weights.entries()) if ((x -= w) <= 0) return city.districts[i]!;
    return city.districts[city.districts.length - 1]!;
  };
  const people = Array.from({ length: WORKER_COUNT }, (_, i) => {
    const trade = tradeNames[i % tradeNames.length]!;
    const femaleShare = ['nanny', 'infant', 'carer', 'cleaner'].includes(trade) ? 0.85 : 0.15;
    const gender = r.next() < femaleShare ? 'female' as const : 'male' as const;
    const phone = `139${String(i + 1).padStart(8, '0')}`;
    return { phone, gender, trade, name: chineseName(r, gender), role: 'worker', passwordHash: phone === DEMO_WORKER_PHONE ? passwordHash : null };
  });
  const users = await insertPhoneUsers(ctx, people);
  const seeds: WorkerSeed[] = users.map((u, i) => {
    const p = people[i]!;
    const district = pickDistrict();
    const [lat, lng] = pointNear(r, district.center, district.radiusKm * 0.8);
    // The demo worker people sign in as lives at its district's centre, covers 10 km and works every day,
    // so a customer trying the platform with a district-centre address can book them at once.
    const demo = p.phone === DEMO_WORKER_PHONE;
    const items = r.sample(TRADES[p.trade]!, r.int(2, TRADES[p.trade]!.length));
    const ratingCount = r.int(0, 400);
    const ratingAvg = ratingCount ? Math.round((4 + r.next()) * 100) / 100 : 0;
    return {
      userId: u.id, displayName: p.name, gender: p.gender, districtCode: district.code, homeLat: demo ? district.center[0] : lat, homeLng: demo ? district.center[1] : lng,
      serviceRadiusKm: demo ? 10 : r.pick([3, 5, 5, 8, 10]), experienceYears: r.int(0, 15),
      ratingAvg, ratingCount, ordersDone: ratingCount + r.int(0, 80),
      online: r.next() < 0.7 || demo, skillItemIds: items.map((c) => itemIds.get(c)!).filter(Boolean),
      hours: demo ? [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 20 * 60 })) : weeklyHours(r),
      rate: askingRate(r, p.trade), ratingHistogram: histogram(ratingCount, ratingAvg),
    };
  });
  await createWorkerProfiles(ctx.db, seeds);
}

/** 期望薪资 by trade: live-in and infant care by the month, elder care by the day, the rest by the hour. */
function askingRate(r: Rng, trade: string) {
  if (trade === 'nanny' || trade === 'infant') return { fen: r.int(60, 120) * 10_000, unit: 'month' as const };
  if (trade === 'carer') return { fen: r.int(18, 30) * 1_000, unit: 'day' as const };
  return { fen: r.int(45, 90) * 100, unit: 'hour' as const };
}

/** 1★…5★ counts adding up to `count`, skewed to 5★ as `avg` approaches 5. */
function histogram(count: number, avg: number): number[] {
  const five = Math.round(count * Math.max(0, Math.min(1, avg - 4)));
  const rest = count - five;
  const four = Math.round(rest * 0.7);
  const three = Math.round(rest * 0.2);
  const two = Math.round(rest * 0.07);
  return [rest - four - three - two, two, three, four, five];
}

function weeklyHours(r: Rng) {
  const start = r.pick([7 * 60, 8 * 60, 9 * 60]);
  const end = r.pick([17 * 60, 18 * 60, 20 * 60]);
  const dayOff = r.int(0, 6);
  const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => d !== dayOff && (r.next() > 0.15 || d !== (dayOff + 3) % 7));
  return days.map((weekday) => ({ weekday, startMinute: start, endMinute: end }));
}
