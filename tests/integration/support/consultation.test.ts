import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, smsSignIn, type TestApp } from '../../helpers/test-app.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, opsHeaders, signedInWorker } from '../../helpers/booking.js';
import { shanghaiAt } from '../../helpers/time.js';
import { openSse, type SseClient } from '../../helpers/sse.js';
import { makeWorkers } from '../../helpers/workers.js';

let t: TestApp;
let base = '';
const streams: SseClient[] = [];
beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t?.close();
});

let day = 2;
async function pair() {
  const customer = await customerWithAddress(t);
  const worker = await signedInWorker(t, { name: '陈建国', hours: ALL_DAY });
  return { customer, worker, c: caller(t, customer), w: caller(t, worker) };
}
const count = async (table: 'consultations' | 'consultation_messages') => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('售前咨询 (pre-booking consultation)', () => {
  it('咨询 opens one conversation per customer × worker; contacts are masked; the worker sees it live, with unread counts, and answers', async () => {
    const { customer, worker, c, w } = await pair();
    const opened = await c('POST', '/api/consultations', { workerId: worker.user.id });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ workerId: worker.user.id, status: 'open', canSend: true, created: true, peer: { role: 'worker', name: '陈师傅' } });
    const id = opened.json().id as string;
    const again = await c('POST', '/api/consultations', { workerId: worker.user.id });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, created: false });

    const live = await openSse(`${base}/api/events/stream`, worker.headers);
    streams.push(live);
    await live.waitFor((e) => e.event === 'ready');
    const sent = await c('POST', `/api/consultations/${id}/messages`, { body: '师傅你好，周六上午能来做保洁吗？价格多少？我电话 138 1234 5678，微信 vx: zhang_san88' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({ from: 'customer', mine: true, masked: 2 });
    expect(sent.json().body).not.toMatch(/1234\s?5678|zhang_san88/);
    await live.waitFor((e) => e.event === 'consultation' && e.data.consultationId === id);
    await c('POST', `/api/consultations/${id}/messages`, { body: '家里 90 平' });

    const list = (await w('GET', '/api/worker/consultations')).json();
    expect(list.unread).toBe(2);
    const entry = list.items.find((i: { id: string }) => i.id === id);
    expect(entry).toMatchObject({ unread: 2, lastMessage: '家里 90 平', status: 'open', peer: { role: 'customer' } });
    // Named only by a masked name, or (no name, as after an SMS sign-up) 客户 and four characters of the account id.
    expect(entry.peer.name).toMatch(/^(客户 [0-9A-F]{4}|\S\*+)$/u);
    // The worker never sees the customer's phone or address, only a masked name.
    const seen = (await w('GET', `/api/worker/consultations/${id}`)).json();
    const phone = customer.user.phone as string | undefined;
    if (phone) expect(JSON.stringify(seen)).not.toContain(phone);
    expect(JSON.stringify(seen)).not.toMatch(/漕溪北路|address/i);
    expect(seen.items.map((m: { from: string; mine: boolean }) => [m.from, m.mine])).toEqual([['customer', false], ['customer', false]]);
    const notices = (await w('GET', '/api/notifications?audience=worker')).json().items.filter((n: { type: string }) => n.type === 'consult_message');
    expect(notices).toHaveLength(1); // one per unread streak
    expect(notices[0].link).toEqual({ kind: 'consultation', id });

    expect((await w('POST', `/api/worker/consultations/${id}/read`)).statusCode).toBe(200);
    expect((await w('GET', '/api/worker/consultations')).json().unread).toBe(0);
    const after = (await w('GET', '/api/notifications?audience=worker')).json().items.filter((n: { type: string }) => n.type === 'consult_message');
    expect(after.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);

    const answer = await w('POST', `/api/worker/consultations/${id}/messages`, { body: '周六 9 点可以，三小时 150 元' });
    expect(answer.statusCode).toBe(201);
    const mine = (await c('GET', '/api/consultations')).json();
    expect(mine.items[0]).toMatchObject({ id, unread: 1, lastMessage: '周六 9 点可以，三小时 150 元', peer: { name: '陈师傅' } });
    const newer = (await c('GET', `/api/consultations/${id}?after=${encodeURIComponent(sent.json().createdAt)}`)).json();
    expect(newer.items.map((m: { body: string }) => m.body)).toEqual(['家里 90 平', '周六 9 点可以，三小时 150 元']);
  });

  it('the worker declines further messages: the customer sees it and cannot send (409); the worker reopens', async () => {
    const { worker, c, w } = await pair();
    const id = (await c('POST', '/api/consultations', { workerId: worker.user.id })).json().id as string;
    await c('POST', `/api/consultations/${id}/messages`, { body: '在吗' });
    const declined = await w('POST', `/api/worker/consultations/${id}/decline`);
    expect(declined.json()).toMatchObject({ status: 'declined', canSend: false });
    expect((await c('GET', `/api/consultations/${id}`)).json()).toMatchObject({ status: 'declined', canSend: false });
    const before = await count('consultation_messages');
    const refused = await c('POST', `/api/consultations/${id}/messages`, { body: '再问一下' });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('CONSULT_DECLINED');
    expect(refused.json().title).toContain('师傅已暂停接收');
    expect((await w('POST', `/api/worker/consultations/${id}/messages`, { body: '好的' })).json().code).toBe('CONSULT_CLOSED_BY_YOU');
    expect(await count('consultation_messages')).toBe(before);
    // Opening it again from the profile shows the same declined conversation, not a new one.
    expect((await c('POST', '/api/consultations', { workerId: worker.user.id })).json()).toMatchObject({ id, status: 'declined' });
    // Only the worker decides.
    expect((await c('POST', `/api/worker/consultations/${id}/reopen`)).statusCode).toBe(403);
    expect((await w('POST', `/api/worker/consultations/${id}/reopen`)).json()).toMatchObject({ status: 'open', canSend: true });
    expect((await c('POST', `/api/consultations/${id}/messages`, { body: '再问一下' })).statusCode).toBe(201);
  });

  it('a send retried with the same Idempotency-Key stores one message and answers the same', async () => {
    const { worker, c } = await pair();
    const id = (await c('POST', '/api/consultations', { workerId: worker.user.id })).json().id as string;
    const key = { 'idempotency-key': `consult-${id}` };
    const first = await c('POST', `/api/consultations/${id}/messages`, { body: '网络不好，发两次' }, key);
    const again = await c('POST', `/api/consultations/${id}/messages`, { body: '网络不好，发两次' }, key);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json().id).toBe(first.json().id);
    expect((await c('GET', `/api/consultations/${id}`)).json().items).toHaveLength(1);
    // The same key for another text is refused, nothing written.
    const other = await c('POST', `/api/consultations/${id}/messages`, { body: '另一条' }, key);
    expect(other.statusCode).toBe(422);
    expect((await c('GET', `/api/consultations/${id}`)).json().items).toHaveLength(1);
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const { worker, c, w } = await pair();
    const before = await Promise.all([count('consultations'), count('consultation_messages')]);
    const nobody = await c('POST', '/api/consultations', { workerId: '00000000-0000-4000-8000-000000000000' });
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().code).toBe('CONSULT_WORKER_UNAVAILABLE');
    // A worker still under review (submitted, not approved) is not reachable either.
    const pending = await smsSignIn(t.app, t.ctx, 'worker');
    await makeWorkers(t.ctx, [{ name: '未审核', userId: pending.user.id }]);
    await t.ctx.db.updateTable('worker_profiles').set({ status: 'submitted' }).where('user_id', '=', pending.user.id).execute();
    expect((await c('POST', '/api/consultations', { workerId: pending.user.id })).json().code).toBe('CONSULT_WORKER_UNAVAILABLE');
    expect((await c('POST', '/api/consultations', { workerId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await c('POST', '/api/consultations', { workerId: worker.user.id, extra: 1 })).statusCode).toBe(400);
    expect(await Promise.all([count('consultations'), count('consultation_messages')])).toEqual(before);

    const id = (await c('POST', '/api/consultations', { workerId: worker.user.id })).json().id as string;
    const empty = await c('POST', `/api/consultations/${id}/messages`, { body: '   \n ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ field: 'body', code: 'empty' });
    const long = await c('POST', `/api/consultations/${id}/messages`, { body: '长'.repeat(1001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toMatchObject({ field: 'body', code: 'too_long' });
    expect(await count('consultation_messages')).toBe(before[1]);

    // Someone else's consultation is not there (404), for another customer and another worker alike.
    const stranger = caller(t, await customerWithAddress(t));
    expect((await stranger('GET', `/api/consultations/${id}`)).statusCode).toBe(404);
    expect((await stranger('POST', `/api/consultations/${id}/messages`, { body: '你好' })).statusCode).toBe(404);
    const otherWorker = caller(t, await signedInWorker(t, { name: '王五' }));
    expect((await otherWorker('GET', `/api/worker/consultations/${id}`)).statusCode).toBe(404);
    expect((await otherWorker('POST', `/api/worker/consultations/${id}/decline`)).statusCode).toBe(404);
    // A customer cannot use the worker's side of their own conversation.
    expect((await c('GET', `/api/worker/consultations/${id}`)).statusCode).toBe(403);
    expect((await w('GET', `/api/consultations/${id}`)).statusCode).toBe(403);
  });

  it('rate limits: a burst per minute, a cap per 24 hours, and new workers per day — each a clear 429', async () => {
    const { worker, c } = await pair();
    const id = (await c('POST', '/api/consultations', { workerId: worker.user.id })).json().id as string;
    for (let i = 0; i < 10; i++) expect((await c('POST', `/api/consultations/${id}/messages`, { body: `第 ${i + 1} 个问题` })).statusCode).toBe(201);
    const burst = await c('POST', `/api/consultations/${id}/messages`, { body: '还有一个' });
    expect(burst.statusCode).toBe(429);
    expect(burst.json()).toMatchObject({ code: 'CONSULT_RATE_LIMITED' });
    expect(burst.json().title).toContain('每分钟最多 10 条');

    // 100 messages within the last 24 hours (written earlier in the day): the 24-hour cap answers.
    const daily = await pair();
    const did = (await daily.c('POST', '/api/consultations', { workerId: daily.worker.user.id })).json().id as string;
    const now = Date.now();
    await t.ctx.db.insertInto('consultation_messages').values(Array.from({ length: 100 }, (_, i) => ({
      consultation_id: did, sender_kind: 'customer' as const, sender_id: daily.customer.user.id, body: `旧消息 ${i}`, created_at: new Date(now - 2 * 60_000 - i * 60_000 * 10),
    }))).execute();
    const capped = await daily.c('POST', `/api/consultations/${did}/messages`, { body: '今天还能问吗' });
    expect(capped.statusCode).toBe(429);
    expect(capped.json().code).toBe('CONSULT_DAILY_LIMIT');
    expect(capped.json().title).toContain('100');
    // Messages older than 24 hours do not count.
    await t.ctx.db.updateTable('consultation_messages').set({ created_at: new Date(now - 25 * 3600_000) }).where('consultation_id', '=', did).execute();
    expect((await daily.c('POST', `/api/consultations/${did}/messages`, { body: '今天还能问吗' })).statusCode).toBe(201);

    // At most 20 new workers in 24 hours.
    const many = await customerWithAddress(t);
    const m = caller(t, many);
    const ids = (await makeWorkers(t.ctx, Array.from({ length: 21 }, (_, i) => ({ name: `咨询师傅${i}` })))) as string[];
    for (const wid of ids.slice(0, 20)) expect((await m('POST', '/api/consultations', { workerId: wid })).statusCode).toBe(201);
    const tooMany = await m('POST', '/api/consultations', { workerId: ids[20] });
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.json().code).toBe('CONSULT_NEW_LIMIT');
    // Reopening an existing one is no new conversation.
    expect((await m('POST', '/api/consultations', { workerId: ids[0] })).statusCode).toBe(200);
  });

  it('booking the consulted worker: the order chat shows the consultation above its own messages; another worker sees none of it', async () => {
    const { customer, worker, c, w } = await pair();
    const id = (await c('POST', '/api/consultations', { workerId: worker.user.id })).json().id as string;
    await c('POST', `/api/consultations/${id}/messages`, { body: '周二上午可以吗？' });
    await w('POST', `/api/worker/consultations/${id}/messages`, { body: '可以，10 点到' });

    const o = await bookOrder(t, customer, shanghaiAt(day++, 10), { workerId: worker.user.id });
    expect((await w('POST', `/api/worker/orders/${o.id}/accept`, {})).statusCode).toBe(200);
    await c('POST', `/api/orders/${o.id}/chat`, { kind: 'text', body: '门禁密码到了再说' });
    const chat = (await c('GET', `/api/orders/${o.id}/chat`)).json();
    expect(chat.earlier).toMatchObject({ consultationId: id });
    expect(chat.earlier.items.map((m: { body: string; from: string; mine: boolean }) => [m.from, m.mine, m.body])).toEqual([['customer', true, '周二上午可以吗？'], ['worker', false, '可以，10 点到']]);
    expect(chat.items.map((m: { body: string }) => m.body)).toEqual(['门禁密码到了再说']);
    const workerView = (await w('GET', `/api/worker/orders/${o.id}/chat`)).json();
    expect(workerView.earlier.items.map((m: { mine: boolean }) => m.mine)).toEqual([false, true]);
    const desk = caller(t, { headers: await opsHeaders(t, 'support') });
    expect((await desk('GET', `/api/admin/orders/${o.id}/chat`)).json().earlier.items).toHaveLength(2);

    // Messages written after the booking belong to the consultation, not to that order.
    await c('POST', `/api/consultations/${id}/messages`, { body: '下个月还想约一次' });
    expect((await c('GET', `/api/orders/${o.id}/chat`)).json().earlier.items).toHaveLength(2);

    // An order taken by a different worker shows no consultation.
    const other = await signedInWorker(t, { name: '赵六', hours: ALL_DAY });
    const o2 = await bookOrder(t, customer, shanghaiAt(day++, 10), { workerId: other.user.id });
    expect((await caller(t, other)('POST', `/api/worker/orders/${o2.id}/accept`, {})).statusCode).toBe(200);
    expect((await c('GET', `/api/orders/${o2.id}/chat`)).json().earlier).toBeNull();
  });

  it('the account export lists my consultation messages; 注销 erases the conversations', async () => {
    const { customer, worker, c } = await pair();
    const id = (await c('POST', '/api/consultations', { workerId: worker.user.id })).json().id as string;
    await c('POST', `/api/consultations/${id}/messages`, { body: '导出测试' });
    const exported = (await c('GET', '/api/me/export')).json();
    expect(JSON.stringify(exported)).toContain('导出测试');
    const { eraseHeldData } = await import('../../../src/domains/accounts/index.js');
    await eraseHeldData(t.ctx.db, customer.user.id);
    expect(await t.ctx.db.selectFrom('consultations').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined();
  });
});
