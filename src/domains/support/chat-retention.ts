/**
 * Chat photo retention (PIPL: kept no longer than needed): photos sent in an order's chat are deleted after the
 * city's retention (180 days by default), the conversation keeps a note in their place. A photo that is also
 * evidence — the order's own photos, service records, dispute statements — stays, and so do all photos of an order
 * under dispute.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import type { AppContext } from '../../platform/app-context.js';
import { AppError } from '../../platform/errors.js';
import { findOrder, orderPhotoIds } from '../booking/index.js';

type Db = Kysely<DB>;
export interface SupportSettings { chatImageRetentionDays: number }
export const DEFAULT_SUPPORT_SETTINGS: SupportSettings = { chatImageRetentionDays: 180 };
export const CHAT_RETENTION_RANGE = { min: 7, max: 3650 } as const;
const BATCH = 500;
const DAY = 86_400_000;
export const EXPIRED_PHOTO_NOTE = '（图片已超过保存期限，已删除）';

export async function supportSettings(db: Db, cityCode: string): Promise<SupportSettings> {
  const row = await db.selectFrom('support_settings').select('chat_image_retention_days').where('city_code', '=', cityCode).executeTakeFirst();
  return { chatImageRetentionDays: row?.chat_image_retention_days ?? DEFAULT_SUPPORT_SETTINGS.chatImageRetentionDays };
}

export async function saveSupportSettings(db: Db, cityCode: string, s: SupportSettings): Promise<SupportSettings> {
  const days = s.chatImageRetentionDays;
  if (!Number.isInteger(days) || days < CHAT_RETENTION_RANGE.min || days > CHAT_RETENTION_RANGE.max) {
    throw new AppError('VALIDATION_FAILED', {}, [{ field: 'chatImageRetentionDays', code: 'range', message: { zh: '聊天图片保留天数须为 7–3650', en: 'retention must be 7–3650 days' } }]);
  }
  await db.insertInto('support_settings').values({ city_code: cityCode, chat_image_retention_days: days })
    .onConflict((oc) => oc.column('city_code').doUpdateSet({ chat_image_retention_days: days, updated_at: new Date() })).execute();
  return { chatImageRetentionDays: days };
}

/** One sweep: up to 500 expired chat photos; answers how many were deleted and how many kept as evidence. */
export async function purgeChatImages(ctx: AppContext, now = new Date()): Promise<{ deleted: number; kept: number }> {
  const { chatImageRetentionDays } = await supportSettings(ctx.db, ctx.config.cityCode);
  const expired = await ctx.db.selectFrom('chat_messages').select(['id', 'order_id', 'file_id'])
    .where('kind', '=', 'image').where('file_id', 'is not', null).where('created_at', '<', new Date(now.getTime() - chatImageRetentionDays * DAY))
    .orderBy('created_at').limit(BATCH).execute();
  const byOrder = new Map<string, typeof expired>();
  for (const m of expired) byOrder.set(m.order_id, [...(byOrder.get(m.order_id) ?? []), m]);
  let deleted = 0; let kept = 0;
  for (const [orderId, messages] of byOrder) {
    const o = await findOrder(ctx.db, orderId);
    if (!o || o.status === 'disputed') { kept += messages.length; continue; }
    const evidence = await orderPhotoIds(ctx.db, o);
    for (const m of messages) {
      const fileId = m.file_id!;
      await ctx.db.updateTable('chat_messages').set({ file_id: null, body: EXPIRED_PHOTO_NOTE }).where('id', '=', m.id).execute();
      if (evidence.has(fileId)) { kept += 1; continue; } // the chat's copy goes; the evidence keeps the file
      await deleteFileIfUnused(ctx, fileId);
      deleted += 1;
    }
  }
  return { deleted, kept };
}

/** Deletes the file (row and bytes) once no chat message points at it any more. */
async function deleteFileIfUnused(ctx: AppContext, fileId: string) {
  const still = await ctx.db.selectFrom('chat_messages').select('id').where('file_id', '=', fileId).limit(1).executeTakeFirst();
  if (still) return;
  const gone = await ctx.db.deleteFrom('files').where('id', '=', fileId).returning('storage_key').executeTakeFirst();
  if (gone) await ctx.storage.remove(gone.storage_key).catch(() => undefined);
}
