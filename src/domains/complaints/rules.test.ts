import { describe, expect, it } from 'vitest';
import { breachesAt, DEFAULT_COMPLAINT_SETTINGS, settingsProblems, slaDeadlines, slaState } from './rules.js';

const HOUR = 3_600_000;
const filed = new Date('2026-12-07T02:00:00Z');
const at = (h: number) => new Date(filed.getTime() + h * HOUR);

describe('complaint SLA rules', () => {
  it('gives safety complaints the shorter deadlines', () => {
    expect(slaDeadlines('late', filed, DEFAULT_COMPLAINT_SETTINGS)).toEqual({ firstResponseDue: at(4), resolutionDue: at(48) });
    expect(slaDeadlines('safety', filed, DEFAULT_COMPLAINT_SETTINGS)).toEqual({ firstResponseDue: at(1), resolutionDue: at(12) });
  });

  it('runs the first-response clock until a reply, then the resolution clock; overdue is negative time left', () => {
    const c = { status: 'submitted' as const, firstResponseAt: null, firstResponseDue: at(4), resolutionDue: at(48), closedAt: null };
    expect(slaState(c, at(1))).toMatchObject({ stage: 'response', msLeft: 3 * HOUR, overdue: false });
    expect(slaState(c, at(5))).toMatchObject({ stage: 'response', msLeft: -HOUR, overdue: true, metResponse: false });
    const replied = { ...c, status: 'in_progress' as const, firstResponseAt: at(2) };
    expect(slaState(replied, at(5))).toMatchObject({ stage: 'resolution', msLeft: 43 * HOUR, overdue: false, metResponse: true });
    expect(slaState(replied, at(50))).toMatchObject({ stage: 'resolution', overdue: true });
    expect(slaState({ ...replied, status: 'resolved', closedAt: at(30) }, at(60))).toMatchObject({ stage: null, overdue: false, metResolution: true });
  });

  it('escalates each breach once', () => {
    const c = { status: 'submitted' as const, firstResponseAt: null, firstResponseDue: at(4), resolutionDue: at(48), closedAt: null, responseEscalatedAt: null, resolutionEscalatedAt: null };
    expect(breachesAt(c, at(3))).toEqual([]);
    expect(breachesAt(c, at(5))).toEqual(['response']);
    expect(breachesAt({ ...c, responseEscalatedAt: at(5) }, at(6))).toEqual([]);
    expect(breachesAt({ ...c, responseEscalatedAt: at(5) }, at(49))).toEqual(['resolution']);
    expect(breachesAt({ ...c, firstResponseAt: at(1) }, at(49))).toEqual(['resolution']);
    expect(breachesAt({ ...c, status: 'resolved' }, at(49))).toEqual([]);
  });

  it('checks settings: ranges, resolution after response, safety no slower than the rest', () => {
    expect(settingsProblems(DEFAULT_COMPLAINT_SETTINGS)).toEqual([]);
    expect(settingsProblems({ ...DEFAULT_COMPLAINT_SETTINGS, resolutionHours: 2 }).map((p) => p.field)).toContain('resolutionHours');
    expect(settingsProblems({ ...DEFAULT_COMPLAINT_SETTINGS, safetyFirstResponseHours: 8 }).map((p) => p.field)).toContain('safetyFirstResponseHours');
    expect(settingsProblems({ ...DEFAULT_COMPLAINT_SETTINGS, windowDays: 0 }).map((p) => p.field)).toEqual(['windowDays']);
  });
});
