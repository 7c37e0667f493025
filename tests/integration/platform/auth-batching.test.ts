import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, smsSignIn, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

// The guards batch the session and principal lookups of one event-loop turn into one query each:
// a burst of requests must still see each caller as exactly who they are.
describe('request authentication in a burst', () => {
  it('answers each of many simultaneous callers as themselves; signed-out and unknown tokens are refused in the same batch', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => smsSignIn(t.app, t.ctx, i % 2 ? 'worker' : 'customer')));
    const gone = people.pop()!;
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: gone.headers })).statusCode).toBeLessThan(300);

    const me = (authorization: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization } });
    const [answers, signedOut, unknown, repeated] = await Promise.all([
      Promise.all(people.map((p) => me(`Bearer ${p.token}`))),
      me(`Bearer ${gone.token}`),
      me('Bearer not-a-session'),
      Promise.all([me(`Bearer ${people[0]!.token}`), me(`Bearer ${people[0]!.token}`)]),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual(people.map(() => 200));
    expect(answers.map((r) => r.json().id)).toEqual(people.map((p) => p.user.id));
    expect(answers.map((r) => r.json().roles)).toEqual(people.map((p) => p.user.roles));
    expect(signedOut.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(repeated.map((r) => r.json().id)).toEqual([people[0]!.user.id, people[0]!.user.id]);
  });

  it('refuses a worker-only route to a customer even when both ask in the same turn', async () => {
    const [customer, worker] = await Promise.all([smsSignIn(t.app, t.ctx, 'customer'), smsSignIn(t.app, t.ctx, 'worker')]);
    const calendar = (h: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/worker/calendar?from=2026-12-01&to=2026-12-02', headers: h });
    const [c, w] = await Promise.all([calendar(customer.headers), calendar(worker.headers)]);
    expect(c.statusCode).toBe(403);
    expect(w.statusCode).toBe(200);
  });
});
