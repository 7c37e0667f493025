/** PII keys rotate: every sealed value names its key; `keys:rotate` re-seals what an older key sealed, once. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPiiCrypto } from '../../../src/platform/crypto.js';
import { resealPii } from '../../../src/platform/pii-rotation.js';
import { ALL_DAY, bookOrder, caller, customerWithAddress, signedInWorker } from '../../helpers/booking.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { shanghaiAt } from '../../helpers/time.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const NEW_KEY = { k2: 'a-new-pii-key-of-at-least-32-characters' };

/** Every sealed value of the database: `*_enc` columns and the emergency contact's phone. */
async function sealedValues() {
  const cols = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type = 'text' and column_name like '%\\_enc'`.execute(t.ctx.db);
  const values: string[] = [];
  for (const c of cols.rows) {
    const rows = await sql<{ v: string }>`select ${sql.ref(c.column_name)} as v from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)} is not null`.execute(t.ctx.db);
    values.push(...rows.rows.map((r) => r.v));
  }
  const contacts = await t.ctx.db.selectFrom('users').select('emergency_contact').where('emergency_contact', 'is not', null).execute();
  values.push(...contacts.map((u) => (u.emergency_contact as { phoneEnc: string }).phoneEnc));
  return { columns: cols.rows.map((c) => `${c.table_name}.${c.column_name}`), values };
}

describe('PII key rotation', () => {
  it('re-seals every value with the new key; the same plaintext reads back; a second run changes nothing', async () => {
    const customer = await customerWithAddress(t);
    const c = caller(t, customer);
    expect((await c('PUT', '/api/me/emergency-contact', { name: '李先生', phone: '13911112222', relation: '配偶' })).statusCode).toBe(200);
    await signedInWorker(t, { name: '轮换师傅', hours: ALL_DAY }); // someone covers the address
    await bookOrder(t, customer, shanghaiAt(3, 10), { pay: false });

    const before = await sealedValues();
    expect(before.columns).toEqual(expect.arrayContaining(['users.phone_enc', 'addresses.detail_enc', 'addresses.contact_phone_enc', 'orders.address_enc']));
    expect(before.values.length).toBeGreaterThanOrEqual(5);
    expect(before.values.every((v) => v.startsWith('v1.'))).toBe(true);
    const plain = before.values.map((v) => t.ctx.pii.decrypt(v));

    const rotated = createPiiCrypto(t.ctx.config.appSecret, { currentKeyId: 'k2', keys: NEW_KEY });
    const counts = await resealPii(t.ctx.db, rotated);
    const total = counts.reduce((n, x) => n + x.resealed, 0);
    expect(total).toBe(before.values.length);
    expect(counts.every((x) => x.unreadable === 0)).toBe(true);

    const after = await sealedValues();
    expect(after.values.every((v) => v.startsWith('k2.'))).toBe(true);
    expect(after.values.map((v) => rotated.decrypt(v)).sort()).toEqual([...plain].sort());
    // The old key cannot read the new seals; the app with the new key configured reads the customer's data.
    expect(() => t.ctx.pii.decrypt(after.values[0]!)).toThrow();
    expect((await resealPii(t.ctx.db, rotated)).reduce((n, x) => n + x.resealed, 0)).toBe(0);

    // A value sealed under a key that is no longer configured is reported, not lost.
    const orphan = createPiiCrypto(t.ctx.config.appSecret, { currentKeyId: 'k9', keys: { k9: 'a-key-nobody-will-configure-again-0000' } });
    await t.ctx.db.updateTable('users').set({ phone_enc: orphan.encrypt('13900009999') }).where('id', '=', customer.user.id).execute();
    const report = await resealPii(t.ctx.db, rotated);
    expect(report.find((x) => x.table === 'users' && x.column === 'phone_enc')).toMatchObject({ unreadable: 1 });
  });
});
