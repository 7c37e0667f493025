import type { Selectable } from 'kysely';
import type { AppContext } from '../../platform/app-context.js';
import type { DB } from '../../db/types.js';
import { AppError } from '../../platform/errors.js';
import { maskPhone } from '../../platform/mask.js';
import { getDistrict } from '../geo/index.js';
import * as q from './queries.js';
import { requirePhone } from './service.js';

export interface AddressInput {
  label: string; contactName: string; contactPhone: string; districtCode: string; detail: string;
  lat?: number; lng?: number; isDefault?: boolean;
}
const MAX_ADDRESSES = 20;

function present(ctx: AppContext, a: Selectable<DB['addresses']>, districtName: string) {
  return {
    id: a.id, label: a.label, contactName: a.contact_name, contactPhoneMasked: a.contact_phone_masked,
    districtCode: a.district_code, districtName, detail: ctx.pii.decrypt(a.detail_enc),
    lat: a.lat, lng: a.lng, isDefault: a.is_default, createdAt: a.created_at.toISOString(),
  };
}

async function districtOrFail(ctx: AppContext, code: string) {
  const d = await getDistrict(ctx.db, code);
  if (!d || d.cityCode !== ctx.config.cityCode) {
    throw new AppError('DISTRICT_UNKNOWN', {}, [{ field: 'districtCode', code: 'unknown', message: { zh: '未知区县', en: 'unknown district' } }]);
  }
  return d;
}

/** The checks `addAddress` makes on its input, without writing (a workflow runs them before it creates anything). */
export async function checkAddressInput(ctx: AppContext, input: Pick<AddressInput, 'districtCode' | 'contactPhone'>): Promise<void> {
  await districtOrFail(ctx, input.districtCode);
  requirePhone(input.contactPhone, 'contactPhone');
}

export async function listMyAddresses(ctx: AppContext, userId: string) {
  const [rows, districts] = await Promise.all([q.listAddresses(ctx.db, userId), ctx.db.selectFrom('districts').select(['code', 'name']).execute()]);
  const names = new Map(districts.map((d) => [d.code, d.name]));
  return rows.map((a) => present(ctx, a, names.get(a.district_code) ?? ''));
}

/**
 * Adds an address. Its point is the client's (a chosen suggestion or the device's location); without one the map
 * provider geocodes the text (the place it names, else the district centre).
 */
export async function addAddress(ctx: AppContext, userId: string, input: AddressInput) {
  const district = await districtOrFail(ctx, input.districtCode);
  const phone = requirePhone(input.contactPhone, 'contactPhone');
  const point = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : await ctx.map.geocode(district, input.detail);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await q.listAddresses(trx, userId);
    if (existing.length >= MAX_ADDRESSES) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'addresses', code: 'maxItems', message: { zh: '最多保存 {limit} 个地址', en: 'at most {limit} addresses' }, vars: { limit: MAX_ADDRESSES } }]);
    const makeDefault = input.isDefault || existing.length === 0;
    if (makeDefault) await q.clearDefaultAddress(trx, userId);
    const row = await trx.insertInto('addresses').values({
      user_id: userId, label: input.label.trim(), contact_name: input.contactName.trim(),
      contact_phone_enc: ctx.pii.encrypt(phone), contact_phone_masked: maskPhone(phone),
      district_code: district.code, detail_enc: ctx.pii.encrypt(input.detail.trim()), lat: point.lat, lng: point.lng, is_default: makeDefault,
    }).returningAll().executeTakeFirstOrThrow();
    return present(ctx, row, district.name);
  });
}

/** Updates one of my addresses (404 for anyone else's: no hint that it exists). */
export async function updateAddress(ctx: AppContext, userId: string, id: string, patch: Partial<AddressInput>) {
  const current = await q.findAddress(ctx.db, userId, id);
  if (!current) throw new AppError('NOT_FOUND');
  const district = await districtOrFail(ctx, patch.districtCode ?? current.district_code);
  const set: Record<string, unknown> = { updated_at: new Date() };
  if (patch.label !== undefined) set.label = patch.label.trim();
  if (patch.contactName !== undefined) set.contact_name = patch.contactName.trim();
  if (patch.contactPhone !== undefined) {
    const phone = requirePhone(patch.contactPhone, 'contactPhone');
    Object.assign(set, { contact_phone_enc: ctx.pii.encrypt(phone), contact_phone_masked: maskPhone(phone) });
  }
  if (patch.detail !== undefined) set.detail_enc = ctx.pii.encrypt(patch.detail.trim());
  if (patch.districtCode !== undefined) set.district_code = district.code;
  if (patch.lat !== undefined && patch.lng !== undefined) Object.assign(set, { lat: patch.lat, lng: patch.lng });
  else if ((patch.districtCode !== undefined && patch.districtCode !== current.district_code) || patch.detail !== undefined) {
    // Without a point from the client: a new district always moves it; a new text only when it names a known place.
    const moved = patch.districtCode !== undefined && patch.districtCode !== current.district_code;
    const point = await ctx.map.geocode(district, patch.detail ?? ctx.pii.decrypt(current.detail_enc));
    if (moved || !point.approximate) Object.assign(set, { lat: point.lat, lng: point.lng });
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (patch.isDefault === true) await q.clearDefaultAddress(trx, userId);
    if (patch.isDefault !== undefined) set.is_default = patch.isDefault;
    const row = await trx.updateTable('addresses').set(set).where('id', '=', id).where('user_id', '=', userId).returningAll().executeTakeFirstOrThrow();
    return present(ctx, row, district.name);
  });
}

export async function deleteAddress(ctx: AppContext, userId: string, id: string) {
  const gone = await ctx.db.deleteFrom('addresses').where('id', '=', id).where('user_id', '=', userId).returning('is_default').executeTakeFirst();
  if (!gone) throw new AppError('NOT_FOUND');
  if (gone.is_default) {
    const next = await ctx.db.selectFrom('addresses').select('id').where('user_id', '=', userId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    if (next) await ctx.db.updateTable('addresses').set({ is_default: true }).where('id', '=', next.id).execute();
  }
}

/** One of my addresses in clear (for the booking snapshot); null when it is not mine. */
export async function addressForBooking(ctx: AppContext, db: AppContext['db'], userId: string, id: string) {
  const a = await q.findAddress(db, userId, id);
  if (!a) return null;
  const district = await getDistrict(db, a.district_code);
  return {
    label: a.label, contactName: a.contact_name, contactPhone: ctx.pii.decrypt(a.contact_phone_enc), contactPhoneMasked: a.contact_phone_masked,
    districtCode: a.district_code, districtName: district?.name ?? '', detail: ctx.pii.decrypt(a.detail_enc), lat: a.lat, lng: a.lng,
  };
}
