/** Random city-day instances for the planner's tests and benchmark (deterministic per seed). */
import { haversineKm } from '../../../platform/providers/map';
import { Rng } from '../vrp/rng';
import type { DayProblem, FixedJob, LatLng, PlanJob, PlanWorker } from './types';

/** 2026-03-10 00:00 in Shanghai (UTC+8), as UTC ms. */
export const DAY = Date.parse('2026-03-10T00:00:00+08:00');
export const CENTRE: LatLng = { lat: 31.2304, lng: 121.4737 };
const MIN = 60_000;
export const at = (hour: number, minute = 0) => DAY + (hour * 60 + minute) * MIN;

/** A point `km` east and `northKm` north of the centre. */
export function offset(km: number, northKm = 0, from: LatLng = CENTRE): LatLng {
  return { lat: from.lat + northKm / 111.32, lng: from.lng + km / (111.32 * Math.cos((from.lat * Math.PI) / 180)) };
}

export function worker(id: string, over: Partial<PlanWorker> = {}): PlanWorker {
  return { id, home: CENTRE, shift: { start: at(8), end: at(18) }, skills: ['clean'], ...over };
}

export function job(id: string, start: number, over: Partial<PlanJob> = {}): PlanJob {
  return { id, location: CENTRE, earliest: start, latest: start, durationMinutes: 120, itemId: 'clean', ...over };
}

export interface RandomDaySpec {
  jobs: number;
  workers: number;
  /** Radius of the city disc, km (default 15). */
  radiusKm?: number;
  /** Share of jobs with a flexible start window (default 0.2). */
  flexibleShare?: number;
  /** Mean fixed jobs per worker (default 0.5). */
  fixedPerWorker?: number;
  /** Workers serve within this many km of home (default 8). */
  serviceRadiusKm?: number;
  items?: string[];
}

const ITEMS = ['clean', 'deep-clean', 'ac-clean', 'repair', 'nanny', 'move', 'hood-clean', 'carer'];

export function randomDay(spec: RandomDaySpec, seed: number): DayProblem {
  const r = new Rng(seed);
  const radius = spec.radiusKm ?? 15;
  const items = spec.items ?? ITEMS;
  const point = (): LatLng => {
    const d = radius * Math.sqrt(r.next());
    const a = r.next() * 2 * Math.PI;
    return offset(d * Math.cos(a), d * Math.sin(a));
  };
  const pick = <T>(xs: readonly T[]) => xs[r.int(xs.length)];
  const workers: PlanWorker[] = Array.from({ length: spec.workers }, (_, i) => {
    const [from, to] = pick([[8, 18], [8, 20], [9, 17], [7, 15], [12, 21]] as const);
    const skills = r.shuffle(items.slice()).slice(0, 2 + r.int(3));
    return { id: `w${i}`, home: point(), shift: { start: at(from), end: at(to) }, skills, ...(r.next() < 0.2 ? { maxWorkMinutes: 360 } : {}) };
  });
  const fixedCount = Math.round(spec.workers * (spec.fixedPerWorker ?? 0.5));
  for (let f = 0; f < fixedCount; f++) {
    const w = workers[r.int(workers.length)];
    const start = w.shift.start + r.int(Math.max(1, (w.shift.end - w.shift.start) / (30 * MIN) - 4)) * 30 * MIN;
    const fixed: FixedJob = { id: `f${f}`, location: point(), start, durationMinutes: 60 + 30 * r.int(4) };
    const clash = (w.fixed ?? []).some((x) => start < x.start + (x.durationMinutes + 30) * MIN && x.start < start + (fixed.durationMinutes + 30) * MIN);
    if (!clash) w.fixed = [...(w.fixed ?? []), fixed];
  }
  const serviceRadius = spec.serviceRadiusKm ?? 8;
  const jobs: PlanJob[] = Array.from({ length: spec.jobs }, (_, i) => {
    const location = point();
    const itemId = pick(items);
    const start = at(8) + r.int(20) * 30 * MIN;
    const flexible = r.next() < (spec.flexibleShare ?? 0.2);
    const eligibleWorkerIds = workers.filter((w) => haversineKm(w.home, location) <= serviceRadius).map((w) => w.id);
    return { id: `j${i}`, location, itemId, earliest: start, latest: flexible ? start + 30 * MIN * (1 + r.int(4)) : start, durationMinutes: 60 + 30 * r.int(6), eligibleWorkerIds };
  });
  return { workers, jobs };
}
