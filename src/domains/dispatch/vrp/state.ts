import type { Instance } from './instance';
import { Route } from './route';

/**
 * Mutable solution used by the search, with an undo journal: routes are copied on
 * first modification within a move so a rejected move is rolled back cheaply.
 */
export class SearchState {
  /** Route slots; an empty slot is an unused vehicle. */
  routes: Route[];
  /** Slot of each customer, -1 when unassigned (index 0, the depot, unused). */
  routeOf: Int32Array;
  posOf: Int32Array;
  unassigned: number[] = [];
  distance = 0;
  vehicles = 0;

  private touched: number[] = [];
  private saved: Route[] = [];
  private touchStamp: Int32Array;
  private stamp = 1;
  private savedUnassigned: number[] = [];
  private savedDistance = 0;
  private savedVehicles = 0;

  constructor(readonly inst: Instance) {
    this.routes = Array.from({ length: inst.maxVehicles }, () => new Route());
    for (const r of this.routes) r.update(inst);
    this.routeOf = new Int32Array(inst.size).fill(-1);
    this.posOf = new Int32Array(inst.size).fill(-1);
    this.touchStamp = new Int32Array(inst.maxVehicles);
  }

  /** Starts a move: later changes can be undone with `rollback`. */
  begin(): void {
    this.stamp++;
    this.touched.length = 0;
    this.saved.length = 0;
    this.savedUnassigned = this.unassigned.slice();
    this.savedDistance = this.distance;
    this.savedVehicles = this.vehicles;
  }

  private touch(slot: number): Route {
    if (this.touchStamp[slot] !== this.stamp) {
      this.touchStamp[slot] = this.stamp;
      this.touched.push(slot);
      this.saved.push(this.routes[slot]);
      this.routes[slot] = this.routes[slot].clone();
    }
    return this.routes[slot];
  }

  private refresh(slot: number, r: Route, oldLen: number, oldDistance: number): boolean {
    const ok = r.update(this.inst);
    this.distance += r.distance - oldDistance;
    if (oldLen === 0 && r.nodes.length > 0) this.vehicles++;
    if (oldLen > 0 && r.nodes.length === 0) this.vehicles--;
    const nodes = r.nodes;
    for (let i = 0; i < nodes.length; i++) {
      this.routeOf[nodes[i]] = slot;
      this.posOf[nodes[i]] = i;
    }
    return ok;
  }

  /** Inserts customer c into `slot` before position `pos` (0 = right after the depot). */
  insert(c: number, slot: number, pos: number): void {
    const r = this.touch(slot);
    const oldLen = r.nodes.length;
    const oldDistance = r.distance;
    r.nodes.splice(pos, 0, c);
    this.refresh(slot, r, oldLen, oldDistance);
  }

  /**
   * Removes the customers at positions [from, to) of `slot`, except the `keep` positions
   * starting at `keepFrom`, and appends them to `out`. Returns the route's feasibility
   * afterwards (only false for distances violating the triangle inequality).
   */
  removeRange(slot: number, from: number, to: number, keepFrom: number, keep: number, out: number[]): boolean {
    const r = this.touch(slot);
    const oldLen = r.nodes.length;
    const oldDistance = r.distance;
    const kept: number[] = [];
    for (let i = 0; i < oldLen; i++) {
      const c = r.nodes[i];
      if (i >= from && i < to && !(i >= keepFrom && i < keepFrom + keep)) {
        out.push(c);
        this.routeOf[c] = -1;
        this.posOf[c] = -1;
      } else kept.push(c);
    }
    r.nodes = kept;
    return this.refresh(slot, r, oldLen, oldDistance);
  }

  /** Undoes every change since `begin`. */
  rollback(): void {
    for (let k = 0; k < this.touched.length; k++) {
      const slot = this.touched[k];
      const r = this.saved[k];
      this.routes[slot] = r;
      for (let i = 0; i < r.nodes.length; i++) {
        this.routeOf[r.nodes[i]] = slot;
        this.posOf[r.nodes[i]] = i;
      }
    }
    for (const c of this.savedUnassigned) {
      this.routeOf[c] = -1;
      this.posOf[c] = -1;
    }
    this.unassigned = this.savedUnassigned;
    this.distance = this.savedDistance;
    this.vehicles = this.savedVehicles;
  }

  firstEmptySlot(): number {
    for (let s = 0; s < this.routes.length; s++) if (this.routes[s].nodes.length === 0) return s;
    return -1;
  }

  snapshot(): number[][] {
    return this.routes.filter((r) => r.nodes.length > 0).map((r) => r.nodes.slice());
  }
}
