import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { readUpload } from '../../platform/files.js';
import { addPortfolioItem, getApplication, removePortfolioItem, submitApplication } from './application-service.js';
import { addCertificate, removeCertificate, saveIdentity, saveProfile, uploadDocument } from './onboarding-service.js';
import { appealPenalty } from './review-service.js';
import { saveSchedule, setOnline } from './schedule-service.js';
import * as S from './schema.js';
import { joinTeam, leaveTeam, removeMember } from './team-service.js';

const DOC_MAX = 8 * 1024 * 1024;
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The worker portal's onboarding API: every route needs a signed-in worker and acts on their own profile only. */
export async function workerRoutes(app: Api, ctx: AppContext) {
  const tags = ['worker'];
  const preHandler = ctx.guards.user('worker');
  const me = (r: { user?: { id: string } }) => r.user!.id;

  app.get('/api/worker/application', { preHandler, schema: { tags, summary: 'My onboarding: status, what is missing, profile, identity (masked), certificates, schedule, penalties' } },
    async (request) => getApplication(ctx, me(request)));
  app.put('/api/worker/profile', { preHandler, schema: { tags, summary: 'Type (individual/team), experience, skills, home base and service radius', body: S.ProfileBody } },
    async (request, reply) => { await saveProfile(ctx, me(request), request.body); return reply.status(204).send(); });
  app.post('/api/worker/documents', { preHandler, schema: { tags, summary: 'Upload an ID photo, selfie, certificate (image or PDF) or portfolio photo (multipart "file")', querystring: S.UploadPurpose, consumes: ['multipart/form-data'] } },
    async (request) => uploadDocument(ctx, me(request), request.query.purpose, await readUpload(request, DOC_MAX)));
  app.put('/api/worker/identity', { preHandler, schema: { tags, summary: 'Real-name verification (GB 11643 checksum, 18+, name and face check); needs separate consent', body: S.IdentityBody } },
    async (request, reply) => { await saveIdentity(ctx, me(request), request.body); return reply.status(204).send(); });
  app.post('/api/worker/certificates', { preHandler, schema: { tags, body: S.CertificateBody } },
    async (request, reply) => reply.status(201).send(await addCertificate(ctx, me(request), request.body)));
  app.delete('/api/worker/certificates/:id', { preHandler, schema: { tags, params: Id } },
    async (request, reply) => { await removeCertificate(ctx, me(request), request.params.id); return reply.status(204).send(); });
  app.put('/api/worker/schedule', { preHandler, schema: { tags, summary: 'Weekly hours (local minutes), days off, forced-rest rule', body: S.ScheduleBody } },
    async (request, reply) => { await saveSchedule(ctx, me(request), request.body); return reply.status(204).send(); });
  app.post('/api/worker/portfolio', { preHandler, schema: { tags, body: S.PortfolioBody } },
    async (request, reply) => { await addPortfolioItem(ctx, me(request), request.body); return reply.status(201).send(); });
  app.delete('/api/worker/portfolio/:id', { preHandler, schema: { tags, params: Id } },
    async (request, reply) => { await removePortfolioItem(ctx, me(request), request.params.id); return reply.status(204).send(); });
  app.post('/api/worker/submit', { preHandler, schema: { tags, summary: 'Send the application for review', body: Type.Object({}, { additionalProperties: false }) } },
    async (request) => submitApplication(ctx, me(request)));
  app.put('/api/worker/online', { preHandler, schema: { tags, summary: 'Go online / offline (approved, not suspended)', body: S.OnlineBody } },
    async (request) => setOnline(ctx, me(request), request.body.online));
  app.post('/api/worker/team/join', { preHandler, schema: { tags, summary: "Join a team with its leader's invite code", body: S.JoinTeamBody } },
    async (request, reply) => { await joinTeam(ctx, me(request), request.body.inviteCode); return reply.status(204).send(); });
  app.post('/api/worker/team/leave', { preHandler, schema: { tags, body: Type.Object({}, { additionalProperties: false }) } },
    async (request, reply) => { await leaveTeam(ctx, me(request)); return reply.status(204).send(); });
  app.delete('/api/worker/team/members/:id', { preHandler, schema: { tags, summary: 'The leader removes a member', params: Id } },
    async (request, reply) => { await removeMember(ctx, me(request), request.params.id); return reply.status(204).send(); });
  app.post('/api/worker/penalties/:id/appeal', { preHandler, schema: { tags, summary: 'Appeal a penalty (once)', params: Id, body: S.AppealBody } },
    async (request, reply) => { await appealPenalty(ctx, me(request), request.params.id, request.body.text); return reply.status(204).send(); });
}
