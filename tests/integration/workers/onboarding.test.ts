import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../../src/domains/admin/service.js';
import { adminSignIn, createTestApp, openFile, smsSignIn, type TestApp } from '../../helpers/test-app.js';
import { idNumber, multipart, png } from '../../helpers/workers.js';

let t: TestApp;
let ops: Record<string, string>;
let support: Record<string, string>;
const suffix = randomUUID().slice(0, 6);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  await ensureAdmin(t.ctx, { username: `rev_${suffix}`, name: '审核 小王', password: 'houtai2026', roles: ['operations'] });
  await ensureAdmin(t.ctx, { username: `kf_${suffix}`, name: '客服 小李', password: 'houtai2026', roles: ['support'] });
  ops = await adminSignIn(t.app, `rev_${suffix}`, 'houtai2026');
  support = await adminSignIn(t.app, `kf_${suffix}`, 'houtai2026');
});
afterAll(async () => { await t?.close(); });

type Headers = Record<string, string>;
const upload = async (h: Headers, purpose: string, bytes: Buffer, name = 'f.png', type = 'image/png') => {
  const m = multipart(bytes, name, type);
  return t.app.inject({ method: 'POST', url: `/api/worker/documents?purpose=${purpose}`, payload: m.payload, headers: { ...h, ...m.headers } });
};
const put = (h: Headers, url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: h, payload });
const post = (h: Headers, url: string, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: h, payload });
const application = async (h: Headers) => (await t.app.inject({ method: 'GET', url: '/api/worker/application', headers: h })).json();

const profile = { workerType: 'individual', displayName: '王秀英', experienceYears: 6, previousEmployers: ['阿姨帮'], intro: '擅长厨房深度清洁', skills: ['daily-cleaning', 'deep-cleaning'], districtCode: '310104', homeLat: 31.19, homeLng: 121.43, serviceRadiusKm: 5 };
const hours = { hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 480, endMinute: 1080 })), daysOff: [inDays(3)], maxMinutesPerDay: 480, minBreakMinutes: 30 };

async function identityFiles(h: Headers, tag: string) {
  const [front, back, selfie] = await Promise.all([upload(h, 'id_front', png(`${tag}f`)), upload(h, 'id_back', png(`${tag}b`)), upload(h, 'selfie', png(`${tag}s`))]);
  return { frontFileId: front.json().fileId, backFileId: back.json().fileId, selfieFileId: selfie.json().fileId };
}

describe('worker onboarding', () => {
  it('walks from sign-up to approval, with one rejection and a resubmission', async () => {
    const w = await smsSignIn(t.app, t.ctx, 'worker');
    const start = await application(w.headers);
    expect(start).toMatchObject({ status: 'draft', missing: ['identity', 'skills', 'location', 'hours', 'profile'] });
    expect((await post(w.headers, '/api/worker/submit')).json().code).toBe('ONBOARDING_INCOMPLETE');

    const files = await identityFiles(w.headers, suffix);
    const realId = idNumber('19880512');
    expect((await put(w.headers, '/api/worker/identity', { realName: '王秀英', idNumber: realId, ...files, consent: true })).statusCode).toBe(204);
    expect((await put(w.headers, '/api/worker/profile', profile)).statusCode).toBe(204);
    expect((await put(w.headers, '/api/worker/schedule', hours)).statusCode).toBe(204);
    const cert = await upload(w.headers, 'certificate', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), 'c.pdf', 'application/pdf');
    expect(cert.statusCode).toBe(200);
    // A document is a download in a sandbox (a PDF with scripts never runs in our origin); a photo shows inline.
    const pdf = await openFile(t.app, `/api/files/${cert.json().fileId}`, w.headers);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="${cert.json().fileId}.pdf"`);
    expect(pdf.headers['content-security-policy']).toContain('sandbox');
    const photo = await openFile(t.app, `/api/files/${files.frontFileId}`, w.headers);
    expect(photo.headers['content-disposition']).toBeUndefined();
    expect(photo.headers['content-security-policy']).toContain('sandbox');
    const added = await post(w.headers, '/api/worker/certificates', { kind: 'housekeeping', number: 'JZ-2024-001', expiresAt: inDays(10), fileId: cert.json().fileId });
    expect(added.statusCode).toBe(201);

    const ready = await application(w.headers);
    expect(ready.missing).toEqual([]);
    expect(ready.identity).toMatchObject({ realNameMasked: '王**', idNumberMasked: `${realId.slice(0, 4)}**********${realId.slice(-4)}`, birthDate: '1988-05-12' });
    expect(ready.certificates[0]).toMatchObject({ kind: 'housekeeping', expiringSoon: true, daysLeft: 10, status: 'pending' });
    expect(ready.schedule).toMatchObject({ maxMinutesPerDay: 480, daysOff: [inDays(3)] });
    expect((await post(w.headers, '/api/worker/submit')).json().status).toBe('submitted');

    const queue = (await t.app.inject({ method: 'GET', url: `/api/admin/worker-reviews?q=${w.phone.slice(-4)}`, headers: ops })).json();
    expect(queue.items.map((r: { workerId: string }) => r.workerId)).toContain(w.user.id);
    expect(queue.total).toBeGreaterThanOrEqual(1);
    const byName = (await t.app.inject({ method: 'GET', url: `/api/admin/worker-reviews?q=${encodeURIComponent('王秀英')}&pageSize=5`, headers: ops })).json();
    expect(byName.items.map((r: { workerId: string }) => r.workerId)).toContain(w.user.id);
    expect((await post(support, `/api/admin/workers/${w.user.id}/approve`)).statusCode).toBe(403);
    const rejected = await post(ops, `/api/admin/workers/${w.user.id}/reject`, { reason: '身份证背面照片模糊，请重新上传' });
    expect(rejected.statusCode).toBe(204);
    const seen = await application(w.headers);
    expect(seen).toMatchObject({ status: 'rejected', reviewNote: '身份证背面照片模糊，请重新上传', lastDecision: { decision: 'rejected' } });
    expect((await put(w.headers, '/api/worker/online', { online: true })).json().code).toBe('REVIEW_STATE');

    const again = await identityFiles(w.headers, `${suffix}2`);
    expect((await put(w.headers, '/api/worker/identity', { realName: '王秀英', idNumber: realId, ...again, consent: true })).statusCode).toBe(204);
    const resubmitted = await application(w.headers);
    expect(resubmitted.status).toBe('submitted');
    expect((await post(ops, `/api/admin/workers/${w.user.id}/approve`)).statusCode).toBe(204);
    const approved = await application(w.headers);
    expect(approved.status).toBe('approved');
    expect(approved.certificates[0].status).toBe('verified');
    expect((await put(w.headers, '/api/worker/online', { online: true })).json()).toEqual({ online: true });
    expect((await post(ops, `/api/admin/workers/${w.user.id}/approve`)).json().code).toBe('REVIEW_STATE');

    const detail = (await t.app.inject({ method: 'GET', url: `/api/admin/workers/${w.user.id}`, headers: ops })).json();
    expect(detail.pii).toMatchObject({ realName: '王秀英', idNumber: realId });
    expect(detail.decisions.map((d: { decision: string }) => d.decision)).toEqual(['approved', 'rejected']);
    const masked = (await t.app.inject({ method: 'GET', url: `/api/admin/workers/${w.user.id}`, headers: support })).json();
    expect(masked.pii).toBeNull();
    expect(JSON.stringify(masked)).not.toContain(realId);
    const audits = await t.ctx.db.selectFrom('audit_log').select('action').where('target_id', '=', w.user.id).execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['worker.pii_viewed', 'worker.rejected', 'worker.approved', 'worker.submitted']));
    const stored = await t.ctx.db.selectFrom('worker_identities').selectAll().where('worker_id', '=', w.user.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(realId);
    expect(JSON.stringify(stored)).not.toContain('王秀英');

    // ID photos are never public; the owner and PII reviewers (audited) may open them.
    const front = `/api/files/${again.frontFileId}`;
    expect((await t.app.inject({ method: 'GET', url: front })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: front, headers: support })).statusCode).toBe(404);
    expect((await openFile(t.app, front, w.headers)).statusCode).toBe(200);
    expect((await openFile(t.app, front, ops)).statusCode).toBe(200);

    // Changing the certificates of an approved profile sends it back for review.
    const cert2 = await upload(w.headers, 'certificate', png(`${suffix}c2`));
    await post(w.headers, '/api/worker/certificates', { kind: 'health', number: 'JK-9', expiresAt: inDays(300), fileId: cert2.json().fileId });
    expect((await application(w.headers)).status).toBe('submitted');
  });

  it('refuses bad identity, profile, schedule and document input with clear errors', async () => {
    const w = await smsSignIn(t.app, t.ctx, 'worker');
    const files = await identityFiles(w.headers, `${suffix}x`);
    const cases: [object, string][] = [
      [{ realName: '李娜', idNumber: '310104198805120001', ...files, consent: true }, 'ID_NUMBER_INVALID'],
      [{ realName: '李娜', idNumber: idNumber(new Date(Date.now() - 17 * 365 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')), ...files, consent: true }, 'UNDERAGE'],
      [{ realName: '李娜', idNumber: idNumber('19900101'), ...files, selfieFileId: files.frontFileId, consent: true }, 'FILE_NOT_OWNED'],
      [{ realName: '李娜', idNumber: idNumber('19900101'), ...files, consent: false }, 'VALIDATION_FAILED'],
      [{ realName: 'Li Na', idNumber: idNumber('19900101'), ...files, consent: true }, 'KYC_FAILED'],
    ];
    for (const [payload, code] of cases) expect((await put(w.headers, '/api/worker/identity', payload)).json().code, code).toBe(code);
    expect((await application(w.headers)).identity).toBeNull();

    for (const radius of [0, -1, 51]) expect((await put(w.headers, '/api/worker/profile', { ...profile, serviceRadiusKm: radius })).statusCode, String(radius)).toBe(400);
    expect((await put(w.headers, '/api/worker/profile', { ...profile, skills: ['flying'] })).statusCode).toBe(400);
    const overlap = await put(w.headers, '/api/worker/schedule', { ...hours, hours: [{ weekday: 1, startMinute: 480, endMinute: 720 }, { weekday: 1, startMinute: 700, endMinute: 900 }] });
    expect(overlap.json().code).toBe('HOURS_OVERLAP');
    expect((await put(w.headers, '/api/worker/schedule', { ...hours, hours: [{ weekday: 1, startMinute: 900, endMinute: 800 }] })).statusCode).toBe(400);

    expect((await upload(w.headers, 'selfie', Buffer.from('not an image at all'), 'x.png')).statusCode).toBe(415);
    expect((await upload(w.headers, 'id_front', Buffer.from('%PDF-1.4\n%%EOF\n'), 'x.pdf', 'application/pdf')).statusCode).toBe(415);
    const huge = await upload(w.headers, 'portfolio', Buffer.concat([png('big'), Buffer.alloc(50 * 1024 * 1024)]));
    expect(huge.statusCode).toBe(413);
    const certFile = (await upload(w.headers, 'certificate', png(`${suffix}cx`))).json().fileId;
    const expired = await post(w.headers, '/api/worker/certificates', { kind: 'health', number: 'JK-1', expiresAt: '2020-01-01', fileId: certFile });
    expect(expired.json().code).toBe('CERTIFICATE_EXPIRED');
    const customer = await smsSignIn(t.app, t.ctx, 'customer');
    expect((await t.app.inject({ method: 'GET', url: '/api/worker/application', headers: customer.headers })).statusCode).toBe(403);
  });

  it('forms a team: the leader shares an invite code, members join, leave or are removed', async () => {
    const leader = await smsSignIn(t.app, t.ctx, 'worker');
    const member = await smsSignIn(t.app, t.ctx, 'worker');
    expect((await put(leader.headers, '/api/worker/profile', { ...profile, workerType: 'team', teamName: '秀英保洁队' })).statusCode).toBe(204);
    const team = (await application(leader.headers)).profile.team;
    expect(team).toMatchObject({ name: '秀英保洁队', role: 'leader', size: 1, members: [] });
    expect(team.inviteCode).toMatch(/^[A-Z2-9]{6}$/);
    expect((await post(member.headers, '/api/worker/team/join', { inviteCode: 'ZZZZZZ' })).json().code).toBe('TEAM_NOT_FOUND');
    expect((await post(member.headers, '/api/worker/team/join', { inviteCode: team.inviteCode.toLowerCase() })).statusCode).toBe(204);
    expect((await post(member.headers, '/api/worker/team/join', { inviteCode: team.inviteCode })).json().code).toBe('TEAM_CONFLICT');
    expect((await post(leader.headers, '/api/worker/team/join', { inviteCode: team.inviteCode })).json().code).toBe('TEAM_CONFLICT');
    const asMember = (await application(member.headers)).profile.team;
    expect(asMember).toMatchObject({ name: '秀英保洁队', role: 'member', inviteCode: null, size: 2, leaderName: '王师傅' });
    const withMember = (await application(leader.headers)).profile.team;
    expect(withMember.members.map((m: { id: string }) => m.id)).toEqual([member.user.id]);
    expect((await put(member.headers, '/api/worker/profile', { ...profile, workerType: 'team' })).json().code).toBe('TEAM_CONFLICT');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/worker/team/members/${member.user.id}`, headers: leader.headers })).statusCode).toBe(204);
    expect((await application(member.headers)).profile.team).toBeNull();
    expect((await post(member.headers, '/api/worker/team/leave')).statusCode).toBe(404);
  });

  it('allows one verified account per ID number', async () => {
    const a = await smsSignIn(t.app, t.ctx, 'worker');
    const b = await smsSignIn(t.app, t.ctx, 'worker');
    const id = idNumber('19850303');
    expect((await put(a.headers, '/api/worker/identity', { realName: '赵敏', idNumber: id, ...(await identityFiles(a.headers, `${suffix}a`)), consent: true })).statusCode).toBe(204);
    const dup = await put(b.headers, '/api/worker/identity', { realName: '赵敏', idNumber: id, ...(await identityFiles(b.headers, `${suffix}b`)), consent: true });
    expect(dup.json().code).toBe('IDENTITY_TAKEN');
  });
});
