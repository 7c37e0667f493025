import { describe, expect, it } from 'vitest';
import type { VrptwProblem } from './types';
import { verifySolution } from './verify';

// Depot at the origin, customers on a line: travel time = distance.
const problem: VrptwProblem = {
  depot: { id: 0, x: 0, y: 0, ready: 0, due: 100 },
  customers: [
    { id: 'a', x: 10, y: 0, demand: 4, ready: 0, due: 50, service: 5 },
    { id: 'b', x: 20, y: 0, demand: 4, ready: 30, due: 40, service: 5 },
    { id: 'c', x: 0, y: 30, demand: 6, ready: 0, due: 100, service: 5 },
  ],
  vehicleCapacity: 10,
  maxVehicles: 2,
};

describe('verifySolution', () => {
  it('accepts a feasible solution and computes its distance', () => {
    const result = verifySolution(problem, [['a', 'b'], ['c']]);
    expect(result.violations).toEqual([]);
    expect(result.feasible).toBe(true);
    expect(result.vehicles).toBe(2);
    expect(result.distance).toBeCloseTo(40 + 60);
  });

  it('waits for a window to open', () => {
    // a: arrive 10, leave 15, b: arrive 25, wait until 30.
    expect(verifySolution(problem, [['a', 'b'], ['c']]).feasible).toBe(true);
  });

  it('catches a time-window violation', () => {
    // c then b: c served at 30, leaves 35, b reached at 35 + 36.06 > 40.
    const result = verifySolution(problem, [['a'], ['c', 'b']]);
    expect(result.feasible).toBe(false);
    expect(result.violations.join()).toMatch(/customer b served at .* after due 40/);
  });

  it('catches a late return to the depot', () => {
    const late = { ...problem, depot: { ...problem.depot, due: 45 } };
    expect(verifySolution(late, [['a', 'b'], ['c']]).violations.join()).toMatch(/returns to depot/);
  });

  it('catches a capacity violation', () => {
    const result = verifySolution(problem, [['a', 'b', 'c']]);
    expect(result.violations.join()).toMatch(/load 14 exceeds capacity 10/);
  });

  it('catches missing, duplicate and unknown customers', () => {
    const result = verifySolution(problem, [['a', 'a'], ['zz']]);
    expect(result.feasible).toBe(false);
    expect(result.violations).toEqual(
      expect.arrayContaining([
        'customer a is served 2 times',
        'customer b is not served',
        'customer c is not served',
        'route 1: unknown customer zz',
      ]),
    );
  });

  it('catches too many vehicles', () => {
    const result = verifySolution(problem, [['a'], ['b'], ['c']]);
    expect(result.violations).toContain('3 vehicles used, only 2 available');
  });

  it('ignores empty routes', () => {
    expect(verifySolution(problem, [['a', 'b'], [], ['c']]).feasible).toBe(true);
  });
});
