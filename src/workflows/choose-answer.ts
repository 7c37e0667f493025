/**
 * Choose-answer workflow (需求 → 对接 → 确认): the customer picks one worker's answer to their request and it becomes
 * an order. Steps: take the request for this answer (requests: open → chosen, so a second choice cannot run) → a
 * signed custom quote of the answer's lines (catalog) → the create-order workflow with the answering worker held at
 * the answer's start (booking's checks and exclusion constraint) → the answer chosen, the others closed and told
 * (requests). If the order cannot be made (the worker took other work at that time since), the request is opened
 * again (compensation) and the customer gets 409 WORKER_BUSY with the other answers still open.
 */
import type { Api, AppContext } from '../platform/app-context.js';
import { AppError } from '../platform/errors.js';
import { idempotent } from '../platform/idempotency.js';
import { createCustomQuote } from '../domains/catalog/index.js';
import { beginChoice, completeChoice, releaseChoice, RequestSchemas, type Choice } from '../domains/requests/index.js';
import { createOrder } from './create-order.js';
import { runWorkflow, type Step } from './workflow.js';

interface State {
  ctx: AppContext; customerId: string; requestId: string; answerId: string; addressId?: string;
  choice?: Choice; quoteId?: string; order?: Awaited<ReturnType<typeof createOrder>>;
}

/** Refusals of create-order that mean "this worker cannot come then any more". */
const BUSY = new Set(['SLOT_TAKEN', 'SCHEDULE_CONFLICT', 'WORKER_NOT_QUALIFIED', 'START_OUT_OF_RANGE', 'QUOTE_EXPIRED']);

const steps: Step<State>[] = [
  {
    name: 'take-request',
    run: async (s) => { s.choice = await beginChoice(s.ctx, s.customerId, s.requestId, s.answerId); },
    compensate: async (s) => { if (s.choice) await releaseChoice(s.ctx, s.choice); },
  },
  {
    name: 'custom-quote',
    run: async (s) => {
      const { request, answer } = s.choice!;
      const lines = answer.lines.map(({ kind, description, quantity, unitPriceFen }) => ({ kind, description, quantity, unitPriceFen }));
      try {
        s.quoteId = (await createCustomQuote(s.ctx, s.customerId, { itemCode: request.item_code, lines, durationMinutes: answer.duration_minutes, start: answer.start_at.toISOString() })).id;
      } catch (error) {
        // The answer's start has passed since the worker quoted: they cannot come then.
        if (error instanceof AppError && error.code === 'QUOTE_INVALID') throw new AppError('WORKER_BUSY');
        throw error;
      }
    },
  },
  {
    name: 'create-order',
    run: async (s) => {
      const { request, answer } = s.choice!;
      const addressId = s.addressId ?? request.address_id;
      if (!addressId) throw new AppError('VALIDATION_FAILED', {}, [{ field: 'addressId', code: 'required', message: { zh: '请选择服务地址', en: 'choose the service address' } }]);
      const notes = [request.description, request.notes].filter(Boolean).join('\n').slice(0, 500);
      try {
        s.order = await createOrder(s.ctx, s.customerId, { quoteId: s.quoteId!, addressId, workerId: answer.worker_id, notes, photoFileIds: request.photo_file_ids });
      } catch (error) {
        if (error instanceof AppError && BUSY.has(error.code)) throw new AppError('WORKER_BUSY');
        throw error;
      }
    },
  },
  {
    name: 'close-request',
    run: async (s) => { await completeChoice(s.ctx, s.choice!, { id: s.order!.id, scheduledStart: s.choice!.answer.start_at }); },
  },
];

export async function chooseAnswer(ctx: AppContext, customerId: string, requestId: string, body: { answerId: string; addressId?: string }) {
  const done = await runWorkflow('choose-answer', steps, { ctx, customerId, requestId, answerId: body.answerId, ...(body.addressId ? { addressId: body.addressId } : {}) });
  return { orderId: done.order!.id, order: done.order! };
}

export async function chooseAnswerRoutes(app: Api, ctx: AppContext) {
  const customer = ctx.guards.user('customer');
  app.post('/api/requests/:id/choose', {
    preHandler: customer,
    schema: { tags: ['requests'], summary: '选择 TA: the answer becomes an order (待支付) at its price and time with its worker held (Idempotency-Key honoured)', params: RequestSchemas.IdParams, body: RequestSchemas.ChooseBody },
  }, async (request, reply) => idempotent(ctx.db, request, reply, request.user!.id, async () => ({ status: 201, body: await chooseAnswer(ctx, request.user!.id, request.params.id, request.body) })));
}
