import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { sql } from 'kysely';
import addFormats from 'ajv-formats';
import type { AppContext } from './platform/app-context.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { adminRoutes } from './domains/admin/routes.js';
import { loadAdminPrincipals } from './domains/admin/service.js';
import { meRoutes } from './domains/accounts/me-routes.js';
import { authRoutes } from './domains/accounts/routes.js';
import { createPaySimulator } from './platform/providers/payments/simulator.js';
import { simulatedGateway } from './platform/providers/payments/gateway.js';
import { cashierRoutes } from './platform/providers/payments/cashier-routes.js';
import { paymentRoutes } from './domains/payments/routes.js';
import { financeRoutes } from './domains/payments/finance-routes.js';
import { promotionRoutes } from './domains/promotions/routes.js';
import { messagingRoutes } from './domains/messaging/routes.js';
import { supportRoutes } from './domains/support/routes.js';
import { purgeChatImages } from './domains/support/index.js';
import { giveDefaultReviews } from './domains/reviews/index.js';
import { reviewRoutes } from './domains/reviews/routes.js';
import { escalateOverdueComplaints } from './domains/complaints/index.js';
import { complaintRoutes } from './domains/complaints/routes.js';
import { drawLastWeekIfDue } from './domains/quality/index.js';
import { qualityRoutes } from './domains/quality/routes.js';
import { claimRoutes } from './domains/claims/routes.js';
import { ensurePurgeScheduled, registerTrackingJobs } from './domains/tracking/jobs.js';
import { trackingRoutes } from './domains/tracking/routes.js';
import { callRoutes } from './domains/calls/index.js';
import { wireWorkflows, workflowRoutes } from './workflows/index.js';
import { registerMessagingJobs } from './domains/messaging/jobs.js';
import { safetyRoutes } from './domains/safety/routes.js';
import { smsEmergencyContact } from './domains/safety/service.js';
import { EventHub } from './platform/events.js';
import { noticeExpiringCertificates } from './domains/workers/review-service.js';
import { registerPaymentJobs } from './domains/payments/jobs.js';
import { loadUserPrincipals } from './domains/accounts/service.js';
import { catalogAdminRoutes } from './domains/catalog/admin-routes.js';
import { catalogRoutes } from './domains/catalog/routes.js';
import { geoRoutes } from './domains/geo/routes.js';
import { workerReviewRoutes } from './domains/workers/review-routes.js';
import { workerAdminRoutes } from './domains/workers/routes.js';
import { workerSearchRoutes } from './domains/workers/search-routes.js';
import { workerRoutes } from './domains/workers/worker-routes.js';
import { createGuards } from './platform/auth.js';
import { createPiiCrypto } from './platform/crypto.js';
import { fileRoutes } from './platform/files-routes.js';
import { frameworkErrorReply, installErrorHandling } from './platform/http-errors.js';
import { DOCS_CSP, installSecurityHeaders } from './platform/security-headers.js';
import { loggerOptions } from './platform/log-redaction.js';
import { installInputGuards, partAwareValidatorFactory } from './platform/input-guard.js';
import { localKycProvider } from './platform/providers/kyc.js';
import { localMapProvider } from './platform/providers/map.js';
import { localRelayProvider } from './platform/providers/relay.js';
import { createJobRunner } from './platform/jobs.js';
import { purgeIdempotencyKeys } from './platform/idempotency.js';
import { registerBookingJobs } from './domains/booking/jobs.js';
import { registerDispatchJobs } from './domains/dispatch/jobs.js';
import { registerRequestJobs, requestRoutes } from './domains/requests/index.js';
import { bookingRoutes } from './domains/booking/routes.js';
import { workerOrderRoutes } from './domains/booking/worker-routes.js';
import { bookingAdminRoutes } from './domains/booking/admin-routes.js';
import { dispatchRoutes } from './domains/dispatch/routes.js';
import { dispatchPlanningRoutes } from './domains/dispatch/planning/planning-routes.js';
import { outboxMailProvider, outboxSmsProvider } from './platform/providers/outbox.js';
import { localDiskStorage, s3Storage } from './platform/storage.js';
import { isPortalPath, portalIndexExists, serveWeb } from './web-static.js';

export interface BuiltApp { app: FastifyInstance; ctx: AppContext }

/** Builds the whole HTTP app (API, docs, portals) over an open database; used by main and by tests. */
/**
 * Accept-queue length for app.listen: Node's default (511) overflows in a burst of new connections (a grab
 * race, clients reconnecting after a deploy) and the dropped SYNs are retried only after a second.
 */
export const LISTEN_BACKLOG = 4096;

export async function buildApp(config: Config, database: Database): Promise<BuiltApp> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true }, plugins: [addFormats as never] },
    schemaController: { compilersFactory: { buildValidator: partAwareValidatorFactory() as never } }, // bodies are not coerced
    frameworkErrors: frameworkErrorReply,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const db = database.db;
  const jobs = createJobRunner(db, app.log);
  const paySim = createPaySimulator(db, jobs);
  const relaySim = localRelayProvider(config.appSecret);
  const ctx: AppContext = {
    config, database, db,
    pii: createPiiCrypto(config.appSecret, { currentKeyId: config.piiKeyId, keys: config.piiKeys }),
    sms: outboxSmsProvider(app.log, config.logOutbox),
    mail: outboxMailProvider(app.log, config.logOutbox),
    map: localMapProvider(),
    kyc: localKycProvider(),
    relay: relaySim,
    relaySim: config.providers.relay === 'local' ? relaySim : null,
    pay: simulatedGateway(paySim),
    paySim,
    jobs,
    events: new EventHub(database, (error) => app.log.error({ err: error }, 'event hub')),
    storage: config.storage.driver === 's3' ? s3Storage(config.storage) : localDiskStorage(join(config.dataDir, 'uploads')),
    guards: createGuards(db, { loadUsers: (ids) => loadUserPrincipals({ db }, ids), loadAdmins: (ids) => loadAdminPrincipals({ db }, ids) }),
    log: app.log,
  };

  wireWorkflows();
  registerBookingJobs(ctx);
  registerDispatchJobs(ctx);
  registerRequestJobs(ctx);
  registerPaymentJobs(ctx);
  registerMessagingJobs(ctx);
  registerTrackingJobs(ctx);
  ctx.jobs.register('safety.sos_contact', (trx, job) => smsEmergencyContact(ctx, trx, job));
  // The simulator posts its notifications through our own HTTP pipeline, as a provider would over the network.
  paySim.setDeliver(async ({ url, headers, payload }) => {
    const res = await app.inject({ method: 'POST', url, headers, payload });
    return { statusCode: res.statusCode, body: res.body };
  });
  relaySim.setDeliver(async ({ url, headers, payload }) => app.inject({ method: 'POST', url, headers, payload }));
  ctx.jobs.every(3_600_000, () => purgeIdempotencyKeys(db));
  app.addHook('onClose', async () => ctx.jobs.stop());
  app.addHook('onReady', async () => ctx.events.start());
  app.addHook('onReady', async () => ensurePurgeScheduled(db)); // the daily trail purge (tracking.purge) is queued
  app.addHook('preClose', async () => ctx.events.stop()); // ends open event streams, so closing does not wait for them
  ctx.jobs.every(6 * 3_600_000, () => ctx.events.prune());
  ctx.jobs.every(6 * 3_600_000, () => noticeExpiringCertificates(ctx).then(() => undefined));
  ctx.jobs.every(3_600_000, () => giveDefaultReviews(ctx.db, ctx.config.cityCode).then(() => undefined));
  // Complaint SLA sweep: each breach (first response, resolution) escalated once to the admins who handle complaints.
  ctx.jobs.every(5 * 60_000, () => escalateOverdueComplaints(ctx.db).then(() => undefined));
  // 抽检回访: hourly, last week's sample is drawn if it was not yet (once per week: the draw row is the guard).
  ctx.jobs.every(3_600_000, () => drawLastWeekIfDue(ctx.db, ctx.config.cityCode).then(() => undefined));
  // PIPL retention: chat photos past the city's retention go every 6 hours (any instance; a sweep is idempotent).
  ctx.jobs.every(6 * 3_600_000, () => purgeChatImages(ctx).then(() => undefined));

  const spa = config.serveWeb && portalIndexExists();
  installErrorHandling(app, spa ? (request, reply) => {
    if (!isPortalPath(request.method, request.url)) return false;
    void reply.type('text/html; charset=utf-8').sendFile('index.html');
    return true;
  } : undefined);
  installInputGuards(app);
  await installSecurityHeaders(app, config.publicUrl);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'daojia 到家 API', version: '0.1.0', description: 'Same-city book-a-visit home services. Errors are application/problem+json with a stable `code`.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'dj_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });

  app.get('/health', {
    schema: { tags: ['ops'], response: { 200: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } } } },
  }, async () => {
    await sql`select 1`.execute(db);
    return { status: 'ok', database: database.kind };
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const routes of [authRoutes, meRoutes, adminRoutes, geoRoutes, catalogRoutes, catalogAdminRoutes, workerAdminRoutes, workerRoutes, workerReviewRoutes, workerSearchRoutes, fileRoutes, bookingRoutes, workerOrderRoutes, bookingAdminRoutes, dispatchRoutes, dispatchPlanningRoutes, paymentRoutes, financeRoutes, promotionRoutes, messagingRoutes, supportRoutes, reviewRoutes, complaintRoutes, qualityRoutes, claimRoutes, trackingRoutes, callRoutes, safetyRoutes, requestRoutes, ...workflowRoutes]) {
    await app.register(async (scope) => routes(scope.withTypeProvider<TypeBoxTypeProvider>(), ctx));
  }
  // The simulator's cashier exists only while it is the payment provider (in production only when named: config.ts).
  if (config.providers.pay === 'simulator') await app.register(async (scope) => cashierRoutes(scope, paySim));
  if (config.serveWeb) await serveWeb(app);
  return { app, ctx };
}
