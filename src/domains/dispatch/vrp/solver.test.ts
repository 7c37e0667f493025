import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSolomon } from './solomon';
import { solveVrptw } from './solver';
import { randomProblem, SMALL_SOLOMON } from './test-fixtures';
import type { Customer, Site, VrptwProblem } from './types';
import { verifySolution } from './verify';

describe('solveVrptw', () => {
  it('solves a small Solomon instance feasibly', () => {
    const { problem } = parseSolomon(SMALL_SOLOMON);
    const solution = solveVrptw(problem, { timeLimitMs: 300, seed: 7 });
    expect(solution.feasible).toBe(true);
    expect(solution.unassigned).toEqual([]);
    expect(verifySolution(problem, solution.routes).violations).toEqual([]);
    expect(solution.routes.flat().sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('is reproducible with a seed and an iteration budget', () => {
    const problem = randomProblem(60, 3);
    const a = solveVrptw(problem, { seed: 5, maxIterations: 500, timeLimitMs: 60_000 });
    const b = solveVrptw(problem, { seed: 5, maxIterations: 500, timeLimitMs: 60_000 });
    expect(a.routes).toEqual(b.routes);
    expect(a.iterations).toBe(500);
  });

  it('improves on the initial construction', () => {
    const problem = randomProblem(80, 11);
    const quick = solveVrptw(problem, { seed: 1, maxIterations: 1 });
    const longer = solveVrptw(problem, { seed: 1, maxIterations: 3000, timeLimitMs: 60_000 });
    expect(longer.distance).toBeLessThan(quick.distance);
  });

  it('reports customers it cannot serve instead of failing', () => {
    const problem = randomProblem(10, 2);
    const unreachable: Customer = { id: 99, x: 99, y: 99, demand: 1, ready: 0, due: 5, service: 0 };
    const solution = solveVrptw({ ...problem, customers: [...problem.customers, unreachable] }, { maxIterations: 200 });
    expect(solution.unassigned).toEqual([99]);
    expect(solution.feasible).toBe(false);
    expect(solution.routes.flat()).toHaveLength(10);
  });

  it('respects the fleet limit', () => {
    const problem: VrptwProblem = { ...randomProblem(30, 4), vehicleCapacity: 100, maxVehicles: 5 };
    const solution = solveVrptw(problem, { maxIterations: 2000, timeLimitMs: 10_000 });
    expect(solution.vehicles).toBeLessThanOrEqual(5);
    expect(verifySolution(problem, solution.routes).violations.filter((v) => !/not served/.test(v))).toEqual([]);
  });

  it('uses a custom distance function', () => {
    const problem = randomProblem(20, 8);
    const manhattan = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    const custom = { ...problem, distance: manhattan, travelTime: (a: Site, b: Site) => manhattan(a, b) / 2 };
    const solution = solveVrptw(custom, { maxIterations: 500 });
    expect(solution.feasible).toBe(true);
    expect(solution.distance).toBeCloseTo(verifySolution(custom, solution.routes).distance);
  });

  it('handles an empty customer list', () => {
    const solution = solveVrptw({ ...randomProblem(1, 1), customers: [] });
    expect(solution).toMatchObject({ routes: [], distance: 0, vehicles: 0, feasible: true });
  });

  it('always returns solutions that pass the verifier (property)', () => {
    const customer = fc.record({
      x: fc.integer({ min: 0, max: 100 }),
      y: fc.integer({ min: 0, max: 100 }),
      demand: fc.integer({ min: 0, max: 50 }),
      start: fc.double({ min: 0, max: 1, noNaN: true }),
      width: fc.integer({ min: 0, max: 300 }),
      service: fc.integer({ min: 0, max: 30 }),
    });
    const instance = fc.record({
      customers: fc.array(customer, { minLength: 1, maxLength: 15 }),
      capacity: fc.integer({ min: 50, max: 150 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(instance, ({ customers, capacity, seed }) => {
        const horizon = 600;
        const depot = { id: 0, x: 50, y: 50, ready: 0, due: horizon };
        const problem: VrptwProblem = {
          depot,
          vehicleCapacity: capacity,
          customers: customers.map((c, i) => {
            // Keep each customer reachable on its own, so a feasible solution always exists.
            const reach = Math.hypot(c.x - 50, c.y - 50);
            const latest = horizon - reach - c.service;
            const ready = reach + c.start * (latest - reach);
            return { id: i + 1, x: c.x, y: c.y, demand: c.demand, ready, due: Math.min(latest, ready + c.width), service: c.service };
          }),
        };
        const solution = solveVrptw(problem, { seed, maxIterations: 150, timeLimitMs: 5_000 });
        const check = verifySolution(problem, solution.routes);
        expect(check.violations).toEqual([]);
        expect(solution.feasible).toBe(true);
        expect(solution.distance).toBeCloseTo(check.distance, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('never breaks constraints when some customers cannot be served (property)', () => {
    const customer = fc.record({
      x: fc.integer({ min: 0, max: 100 }),
      y: fc.integer({ min: 0, max: 100 }),
      demand: fc.integer({ min: 0, max: 60 }),
      ready: fc.integer({ min: 0, max: 400 }),
      width: fc.integer({ min: 0, max: 200 }),
      service: fc.integer({ min: 0, max: 30 }),
    });
    const instance = fc.record({
      customers: fc.array(customer, { minLength: 1, maxLength: 15 }),
      maxVehicles: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    });
    fc.assert(
      fc.property(instance, ({ customers, maxVehicles, seed }) => {
        const problem: VrptwProblem = {
          depot: { id: 0, x: 50, y: 50, ready: 0, due: 500 },
          vehicleCapacity: 60,
          maxVehicles,
          customers: customers.map((c, i) => ({ id: i + 1, ...c, due: c.ready + c.width })),
        };
        const solution = solveVrptw(problem, { seed, maxIterations: 150, timeLimitMs: 5_000 });
        const check = verifySolution(problem, solution.routes);
        const unserved = solution.unassigned.map((id) => `customer ${id} is not served`);
        expect(check.violations.sort()).toEqual(unserved.sort());
        expect(solution.feasible).toBe(solution.unassigned.length === 0);
      }),
      { numRuns: 60 },
    );
  });

  it('solves a random 400-customer instance feasibly within about two seconds', () => {
    const problem = randomProblem(400, 2024);
    const started = performance.now();
    const solution = solveVrptw(problem, { timeLimitMs: 1500, seed: 1 });
    const seconds = (performance.now() - started) / 1000;
    expect(solution.feasible).toBe(true);
    expect(verifySolution(problem, solution.routes).violations).toEqual([]);
    expect(seconds).toBeLessThan(2.5);
    expect(solution.iterations).toBeGreaterThan(100);
  });
});
