import { describe, expect, it } from 'vitest';
import { resolveMatchConfig } from './config';
import { checkEligibility, orderContext } from './eligibility';
import { rankCandidates } from './rank';
import { NOW, eastOf, makeOrder, makeWorker } from './test-fixtures';
import type { MatchCandidate, MatchOrder } from './types';

function codes(worker: MatchCandidate, order: MatchOrder = makeOrder(), overrides = {}): string[] {
  const ctx = orderContext(order, resolveMatchConfig(overrides), NOW);
  return checkEligibility(ctx, worker).map((r) => r.code);
}

const ELECTRIC = makeOrder({ itemCode: 'appliance-repair', requiredCertificate: 'electrician' });

describe('hard filters', () => {
  it('accepts a well-formed worker', () => {
    expect(codes(makeWorker('w1'))).toEqual([]);
  });

  it('rejects workers who are not approved, separately from suspended ones', () => {
    expect(codes(makeWorker('w1', { status: 'pending' }))).toEqual(['not_approved']);
    expect(codes(makeWorker('w1', { status: 'removed' }))).toEqual(['not_approved']);
    expect(codes(makeWorker('w1', { status: 'suspended' }))).toEqual(['suspended']);
  });

  it('rejects offline workers unless the config waives it (day-ahead planning)', () => {
    expect(codes(makeWorker('w1', { online: false }))).toEqual(['offline']);
    expect(codes(makeWorker('w1', { online: false }), makeOrder(), { requireOnline: false })).toEqual([]);
  });

  it('rejects a worker without the skill', () => {
    expect(codes(makeWorker('w1', { skills: ['pet-care'] }))).toEqual(['missing_skill']);
  });

  it('requires the certificate only where the item does', () => {
    const noCert = makeWorker('w1', { certificates: [] });
    expect(codes(noCert)).toEqual([]);
    expect(codes(noCert, ELECTRIC)).toEqual(['missing_certificate']);
    expect(codes(makeWorker('w1', { certificates: [{ kind: 'housekeeping', expiresAt: null }] }), ELECTRIC)).toEqual(['missing_certificate']);
  });

  it('requires the certificate to stay valid until the service ends', () => {
    // The order runs 06:00–08:00Z on 2025-06-10.
    const at = (expiresAt: string | null) => codes(makeWorker('w1', { certificates: [{ kind: 'electrician', expiresAt }] }), ELECTRIC);
    expect(at('2025-06-01T00:00:00Z')).toEqual(['certificate_expired']);
    expect(at('2025-06-10T07:00:00Z')).toEqual(['certificate_expired']); // mid-service
    expect(at('2025-06-10T08:00:00Z')).toEqual(['certificate_expired']); // must be after the end
    expect(at('2025-06-10T08:01:00Z')).toEqual([]);
    expect(at(null)).toEqual([]);
    expect(at('not a date')).toEqual(['certificate_expired']);
  });

  it('accepts when any one certificate of the kind is still valid', () => {
    const w = makeWorker('w1', { certificates: [
      { kind: 'electrician', expiresAt: '2024-01-01T00:00:00Z' },
      { kind: 'electrician', expiresAt: '2027-01-01T00:00:00Z' },
    ] });
    expect(codes(w, ELECTRIC)).toEqual([]);
  });

  it('rejects an address outside the service radius, measured from home', () => {
    expect(codes(makeWorker('w1', { homeLocation: eastOf(4.9) }))).toEqual([]);
    expect(codes(makeWorker('w1', { homeLocation: eastOf(5.2) }))).toEqual(['outside_radius']);
    // The current position does not widen the service area.
    expect(codes(makeWorker('w1', { homeLocation: eastOf(8), currentLocation: eastOf(1) }))).toEqual(['outside_radius']);
  });

  it('applies the optional platform radius cap', () => {
    const w = makeWorker('w1', { serviceRadiusKm: 10, homeLocation: eastOf(7) });
    expect(codes(w)).toEqual([]);
    expect(codes(w, makeOrder(), { maxRadiusKm: 5 })).toEqual(['outside_radius']);
  });

  it('rejects a worker who is not free for the window', () => {
    expect(codes(makeWorker('w1', { isFreeForWindow: false }))).toEqual(['not_free']);
  });

  it('rejects when the previous job ends too late or too far to arrive in time', () => {
    // 6 km straight line → 6 × 1.3 / 20 km/h = 23.4 min, + 15 min buffer = 38.4 min before 06:00Z.
    const prev = (end: string) => makeWorker('w1', { previousJobEnd: { location: eastOf(6), end } });
    expect(codes(prev('2025-06-10T05:20:00Z'))).toEqual([]);
    expect(codes(prev('2025-06-10T05:25:00Z'))).toEqual(['previous_job_too_far']);
    expect(codes(prev('2025-06-10T06:30:00Z'))).toEqual(['previous_job_too_far']);
    // A slower city speed makes the earlier end infeasible too.
    expect(codes(prev('2025-06-10T05:20:00Z'), makeOrder(), { travel: { speedKmh: 10 } })).toEqual(['previous_job_too_far']);
  });

  it('reports every failed rule, with zh and en messages', () => {
    const w = makeWorker('w1', { status: 'suspended', online: false, skills: [], certificates: [], homeLocation: eastOf(30), isFreeForWindow: false });
    const result = rankCandidates(ELECTRIC, [w], [], {}, NOW);
    expect(result.ranked).toEqual([]);
    const reasons = result.rejected[0].reasons;
    expect(reasons.map((r) => r.code)).toEqual(['suspended', 'offline', 'missing_skill', 'missing_certificate', 'outside_radius', 'not_free']);
    for (const r of reasons) {
      expect(r.message.zh.length).toBeGreaterThan(3);
      expect(r.message.en.length).toBeGreaterThan(3);
    }
    expect(reasons[4].message.zh).toContain('超出服务范围 5.0 公里');
    expect(reasons[4].message.en).toMatch(/^\d+\.\d km away/);
  });

  it('throws on an order with an unparseable start', () => {
    expect(() => rankCandidates(makeOrder({ start: 'soon' }), [], [], {}, NOW)).toThrow(RangeError);
  });
});
