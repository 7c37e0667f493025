/** Chat photos are kept the city's retention, then deleted with a note left; photos of an order under dispute stay. */
import { describe, expect, it } from 'vitest';
import { purgeChatImages } from '../../../src/domains/support/index.js';
import { acceptedOrder, caller, type Caller, opsHeaders, useAppWithOps } from '../../helpers/booking.js';
import type { TestApp } from '../../helpers/test-app.js';
import { multipart, png } from '../../helpers/workers.js';
import { orderInService } from '../booking/visit.js';

let t: TestApp;
let ops: Caller;
useAppWithOps((app, admin) => { t = app; ops = admin; });

const DAY = 86_400_000;

async function sendPhoto(call: ReturnType<typeof caller>, orderId: string, tag: string) {
  const form = multipart(png(tag));
  const up = await call('POST', '/api/orders/photos', form.payload, form.headers);
  expect(up.statusCode).toBe(200);
  const sent = await call('POST', `/api/orders/${orderId}/chat`, { kind: 'image', fileId: up.json().id });
  expect(sent.statusCode).toBe(201);
  return up.json().id as string;
}

const message = (fileId: string) => t.ctx.db.selectFrom('chat_messages').selectAll().where('file_id', '=', fileId).executeTakeFirst();

describe('chat photo retention', () => {
  it('deletes photos older than the retention (file and bytes), leaves a note, keeps a disputed order\'s photos; the setting is validated and audited', async () => {
    const plain = await acceptedOrder(t, '留存师傅');
    const disputed = await orderInService(t, '争议留存师傅');
    const oldPhoto = await sendPhoto(plain.c, plain.order.id, 'retention-old');
    const newPhoto = await sendPhoto(plain.c, plain.order.id, 'retention-new');
    const disputedPhoto = await sendPhoto(disputed.c, disputed.order.id, 'retention-disputed');
    expect((await disputed.w('POST', `/api/worker/orders/${disputed.order.id}/dispute`, { reason: '客户拒绝验收' })).statusCode).toBe(200);
    const storageKey = (await t.ctx.db.selectFrom('files').select('storage_key').where('id', '=', oldPhoto).executeTakeFirstOrThrow()).storage_key;
    // 200 days ago (the default retention is 180).
    await t.ctx.db.updateTable('chat_messages').set({ created_at: new Date(Date.now() - 200 * DAY) }).where('file_id', 'in', [oldPhoto, disputedPhoto]).execute();

    const swept = await purgeChatImages(t.ctx);
    expect(swept.deleted).toBeGreaterThanOrEqual(1);
    expect(await message(oldPhoto)).toBeUndefined();
    expect(await t.ctx.db.selectFrom('files').select('id').where('id', '=', oldPhoto).executeTakeFirst()).toBeUndefined();
    expect(await t.ctx.storage.get(storageKey)).toBeNull();
    expect(await message(newPhoto)).toBeDefined();
    expect(await message(disputedPhoto)).toBeDefined();
    const chat = (await plain.c('GET', `/api/orders/${plain.order.id}/chat`)).json();
    expect(chat.items.filter((m: { kind: string; imageUrl: string | null }) => m.kind === 'image').map((m: { imageUrl: string | null; body: string }) => m.imageUrl ? 'photo' : m.body))
      .toEqual(['（图片已超过保存期限，已删除）', 'photo']);
    expect((await plain.c('GET', `/api/orders/${plain.order.id}/files/${oldPhoto}`)).statusCode).toBe(404);
    expect((await purgeChatImages(t.ctx)).deleted).toBe(0); // nothing left to do

    expect((await ops('GET', '/api/admin/support/settings')).json()).toEqual({ chatImageRetentionDays: 180 });
    const bad = await ops('PUT', '/api/admin/support/settings', { chatImageRetentionDays: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('chatImageRetentionDays');
    expect((await ops('PUT', '/api/admin/support/settings', { chatImageRetentionDays: 30 })).json()).toEqual({ chatImageRetentionDays: 30 });
    const audit = await t.ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'support.settings_changed').execute();
    expect(audit.map((a) => a.detail)).toContainEqual({ from: 180, to: 30 });
    const support = caller(t, { headers: await opsHeaders(t, 'support') });
    expect((await support('PUT', '/api/admin/support/settings', { chatImageRetentionDays: 60 })).statusCode).toBe(403);
  });
});
