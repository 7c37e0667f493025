/** Property tests (fast-check): random command sequences against the order state machine. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_NAMES,
  ACTORS,
  isOrderState,
  ORDER_STATES,
  TERMINAL_STATES,
  transition,
  TRANSITIONS,
  type Actor,
  type TransitionDef,
  type OrderSnapshot,
  type TransitionContext,
} from './state-machine.js';

const NOW = Date.parse('2025-06-10T02:00:00.000Z');
const at = (hours: number) => new Date(NOW + hours * 3_600_000).toISOString();
const hoursArb = fc.integer({ min: -200, max: 200 });

const ctxArb: fc.Arbitrary<TransitionContext> = fc.record(
  {
    now: hoursArb.map(at),
    actorId: fc.constantFrom('w1', 'w2', 'c1', 'c2', null),
    reason: fc.constantFrom('原因', '', '  ', null),
    checkIn: fc.record({ withinRadius: fc.boolean(), serviceCodeMatches: fc.boolean(), farReason: fc.constantFrom('定位偏差', '', null) }),
    hasPendingExtraWork: fc.boolean(),
    outcome: fc.constantFrom('completed' as const, 'refund_full' as const, 'refund_partial' as const, 'bogus' as never),
    refundFen: fc.integer({ min: -10, max: 20_000 }),
    priceFen: fc.integer({ min: 0, max: 20_000 }),
    target: fc.constantFrom(...ORDER_STATES, 'nowhere' as never),
    timing: fc.record({ autoConfirmHours: fc.integer({ min: 1, max: 96 }) }, { requiredKeys: [] }),
  },
  { requiredKeys: ['now'] },
);

const TABLE = TRANSITIONS as Record<string, TransitionDef>;
const PAIRS = ACTION_NAMES.flatMap((action) => TABLE[action].actors.map((actor) => ({ action: action as string, actor })));
/** Half the commands use a role that may do the action, so walks get past the role check. */
const commandArb = fc.oneof(
  fc.record({ action: fc.constantFrom(...ACTION_NAMES, 'teleport'), actor: fc.constantFrom(...ACTORS), ctx: ctxArb }),
  fc.tuple(fc.constantFrom(...PAIRS), ctxArb).map(([pair, ctx]) => ({ ...pair, ctx })),
);

const factsArb = fc.record({
  createdAt: hoursArb.map(at),
  scheduledStart: hoursArb.map(at),
  finishedAt: fc.option(hoursArb.map(at)),
  completedAt: fc.option(hoursArb.map(at)),
});

describe('state machine properties', () => {
  it('random sequences stay in defined states; version +1 per success, unchanged per failure', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(factsArb, fc.array(commandArb, { minLength: 20, maxLength: 100 }), (facts, commands) => {
        let order: OrderSnapshot = { state: 'created', version: 0, customerId: 'c1', workerId: 'w1', ...facts };
        for (const { action, actor, ctx } of commands) {
          const r = transition(order, action, actor, ctx);
          if (r.ok) {
            expect(isOrderState(r.to)).toBe(true);
            expect(r.from).toBe(order.state);
            expect(r.version).toBe(order.version + 1);
            expect(new Set(r.effects).size).toBe(r.effects.length);
            order = { ...order, state: r.to, version: r.version };
            reached.add(r.to);
          } else {
            expect(r.currentState).toBe(order.state);
            expect(r.message.zh.length).toBeGreaterThan(0);
            expect(r.message.en.length).toBeGreaterThan(0);
          }
        }
        expect(isOrderState(order.state)).toBe(true);
      }),
      { numRuns: 300 },
    );
    // Not vacuous: the random walks do get around the machine.
    expect(reached.size).toBeGreaterThanOrEqual(9);
  });

  it('terminal states accept nothing but an admin force', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TERMINAL_STATES), factsArb, commandArb, (state, facts, { action, actor, ctx }) => {
        const r = transition({ state, version: 5, ...facts }, action, actor, ctx);
        if (r.ok) {
          expect(action).toBe('force');
          expect(actor).toBe<Actor>('admin');
          expect(r.effects).toContain('audit');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('no action reaches a state the table does not allow', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ORDER_STATES), factsArb, commandArb, (state, facts, { action, actor, ctx }) => {
        const r = transition({ state, version: 0, ...facts }, action, actor, ctx);
        if (r.ok && action !== 'force') {
          // Money never comes back from a refund or cancellation, and nothing returns to created.
          expect(r.to).not.toBe('created');
          expect(['cancelled', 'refunded', 'closed']).not.toContain(r.from);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
