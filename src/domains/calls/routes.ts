import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { CALL_OUTCOMES, RELAY_REPORT_PATH } from '../../platform/providers/relay.js';
import { recordCallReport, simulateDial } from './service.js';

const DialBody = Type.Object({
  outcome: Type.Union(CALL_OUTCOMES.map((o) => Type.Literal(o))),
  talkSeconds: Type.Integer({ minimum: 0, maximum: 4 * 3600, default: 0 }),
}, { additionalProperties: false });

/** 隐私号通话记录: the provider's call reports in; the local simulator's dial (development and demos only). */
export async function callRoutes(app: Api, ctx: AppContext) {
  const tags = ['calls'];

  // The provider signs the raw body, so it is kept as received.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => done(null, body));
    scope.post(RELAY_REPORT_PATH, { schema: { tags, summary: "Relay provider's call report (话单; signed; recorded once per call id)" } }, async (request, reply) => {
      const checked = ctx.relay.checkReport({ headers: request.headers, rawBody: typeof request.body === 'string' ? request.body : '', now: new Date() });
      if (!checked.ok) {
        request.log.warn({ reason: checked.reason }, 'relay call report refused');
        return reply.status(checked.reason === 'MALFORMED_REPORT' ? 400 : 401).send({ code: 'FAIL', message: checked.reason });
      }
      const outcome = await recordCallReport(ctx, checked.report);
      if (!outcome.recorded && outcome.reason !== 'duplicate') request.log.warn({ reason: outcome.reason, callId: checked.report.callId }, 'relay call report dropped');
      return { code: 'SUCCESS' };
    });
  });

  if (ctx.relaySim) {
    app.post('/api/orders/:id/relay-calls/simulate', {
      preHandler: ctx.guards.user(),
      schema: {
        tags, params: Type.Object({ id: Type.String({ format: 'uuid' }) }), body: DialBody,
        summary: '模拟拨打 (local relay simulator only): the customer or the assigned worker calls the other through the relay number; the simulator posts the signed report',
      },
    }, async (request, reply) => reply.status(201).send(await simulateDial(ctx, request.user!.id, request.params.id, request.body)));
  }
}
