/**
 * Mutable plan used by the search, with an undo journal: a worker's route is copied on its first change
 * within a move, so a rejected move is rolled back cheaply.
 */
import type { Compiled } from './compile';
import { routeKm, schedule } from './schedule';

export class PlanState {
  routes: number[][];
  starts: number[][];
  km: Float64Array;
  /** Service ms per worker: fixed and planned jobs plus blocked work. */
  work: Float64Array;
  /** Worker of each job to plan, -1 when unassigned. */
  routeOf: Int32Array;
  unassigned: number[] = [];
  totalKm = 0;

  private touchedAt: Int32Array;
  private stamp = 1;
  private touched: number[] = [];
  private saved: { routes: number[]; starts: number[]; km: number; work: number }[] = [];
  private savedUnassigned: number[] = [];
  private savedTotal = 0;

  constructor(readonly c: Compiled) {
    this.routes = c.fixedOf.map((f) => f.slice());
    this.starts = c.fixedOf.map(() => []);
    this.km = new Float64Array(c.m);
    this.work = new Float64Array(c.m);
    this.routeOf = new Int32Array(c.n).fill(-1);
    this.touchedAt = new Int32Array(c.m);
    for (let w = 0; w < c.m; w++) {
      schedule(c, w, this.routes[w], this.starts[w]);
      this.km[w] = routeKm(c, w, this.routes[w]);
      this.work[w] = c.blockedWorkMs[w] + this.routes[w].reduce((s, k) => s + c.dur[k], 0);
      this.totalKm += this.km[w];
    }
  }

  cost(): number {
    return this.totalKm + this.c.penalty * this.unassigned.length;
  }

  /** Starts a move: later changes can be undone with `rollback`. */
  begin(): void {
    this.stamp++;
    this.touched.length = 0;
    this.saved.length = 0;
    this.savedUnassigned = this.unassigned.slice();
    this.savedTotal = this.totalKm;
  }

  private touch(w: number): void {
    if (this.touchedAt[w] === this.stamp) return;
    this.touchedAt[w] = this.stamp;
    this.touched.push(w);
    this.saved.push({ routes: this.routes[w], starts: this.starts[w], km: this.km[w], work: this.work[w] });
    this.routes[w] = this.routes[w].slice();
    this.starts[w] = this.starts[w].slice();
  }

  private refresh(w: number): boolean {
    const ok = schedule(this.c, w, this.routes[w], this.starts[w]);
    const km = routeKm(this.c, w, this.routes[w]);
    this.totalKm += km - this.km[w];
    this.km[w] = km;
    return ok;
  }

  /** Puts job k into worker w's route before position `pos`; the caller checked it fits. */
  insert(k: number, w: number, pos: number): void {
    this.touch(w);
    this.routes[w].splice(pos, 0, k);
    this.work[w] += this.c.dur[k];
    this.routeOf[k] = w;
    this.refresh(w);
  }

  /** Takes a planned job out of its route (a route stays feasible: travel obeys the triangle inequality). */
  remove(k: number): boolean {
    const w = this.routeOf[k];
    if (w < 0) return true;
    this.touch(w);
    const r = this.routes[w];
    r.splice(r.indexOf(k), 1);
    this.work[w] -= this.c.dur[k];
    this.routeOf[k] = -1;
    return this.refresh(w);
  }

  /** Undoes every change since `begin`. */
  rollback(): void {
    // Clear every touched route first: a job moved between two touched routes must end up in its old one.
    for (const w of this.touched) for (const k of this.routes[w]) if (k < this.c.n) this.routeOf[k] = -1;
    for (let i = 0; i < this.touched.length; i++) {
      const w = this.touched[i];
      const s = this.saved[i];
      this.routes[w] = s.routes;
      this.starts[w] = s.starts;
      this.km[w] = s.km;
      this.work[w] = s.work;
      for (const k of s.routes) if (k < this.c.n) this.routeOf[k] = w;
    }
    for (const k of this.savedUnassigned) this.routeOf[k] = -1;
    this.unassigned = this.savedUnassigned;
    this.totalKm = this.savedTotal;
  }

  /** Planned (non-fixed) jobs of worker w. */
  planned(w: number): number[] {
    return this.routes[w].filter((k) => k < this.c.n);
  }

  snapshot(): { routes: number[][]; unassigned: number[] } {
    return { routes: this.routes.map((r) => r.slice()), unassigned: this.unassigned.slice() };
  }

  /** Replaces the whole plan by a snapshot. */
  load(snap: { routes: number[][]; unassigned: number[] }): void {
    this.routeOf.fill(-1);
    this.totalKm = 0;
    for (let w = 0; w < this.c.m; w++) {
      this.routes[w] = snap.routes[w].slice();
      this.starts[w] = [];
      this.work[w] = this.c.blockedWorkMs[w] + this.routes[w].reduce((s, k) => s + this.c.dur[k], 0);
      for (const k of this.routes[w]) if (k < this.c.n) this.routeOf[k] = w;
      schedule(this.c, w, this.routes[w], this.starts[w]);
      this.km[w] = routeKm(this.c, w, this.routes[w]);
      this.totalKm += this.km[w];
    }
    this.unassigned = snap.unassigned.slice();
  }
}
