import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext } from '../../platform/app-context.js';
import { clearSessionCookie } from '../../platform/auth.js';
import { readUpload } from '../../platform/files.js';
import { retryAfterHeader } from '../../platform/limits.js';
import { addAddress, deleteAddress, listMyAddresses, updateAddress } from './addresses-service.js';
import { deleteMyAccount, exportMyData, sendDeletionCode } from './privacy-service.js';
import * as P from './profile-service.js';
import { metaOf } from './routes.js';
import * as S from './schema.js';
import { consentsOf, PRIVACY_POLICY_VERSION, recordConsent, requireConsent } from './privacy-policy.js';

/** The signed-in person's own account: profile, addresses, devices, export and deletion. */
export async function meRoutes(app: Api, ctx: AppContext) {
  const tags = ['me'];
  const preHandler = ctx.guards.user();
  const me = (request: { user?: { id: string } }) => request.user!.id;

  app.get('/api/me/consents', { preHandler, schema: { tags, summary: 'The privacy policy versions I agreed to, newest first, with when' } },
    async (request) => ({ current: PRIVACY_POLICY_VERSION, items: await consentsOf(ctx.db, me(request)) }));
  app.post('/api/me/consents', {
    preHandler, schema: { tags, summary: 'Agree to the current privacy policy (after it changed, or an account made before consent was asked); once per version', body: S.ConsentBody },
  }, async (request, reply) => {
    requireConsent(request.body.acceptedPolicy);
    await recordConsent(ctx.db, me(request), metaOf(request));
    return reply.status(204).send();
  });
  app.get('/api/me', { preHandler, schema: { tags, summary: 'My account', response: { 200: S.User } } }, async (request) => P.getMe(ctx, me(request)));

  app.patch('/api/me', { preHandler, schema: { tags, summary: 'Edit my profile', body: S.ProfilePatch, response: { 200: S.User } } },
    async (request) => P.updateProfile(ctx, me(request), request.body));

  app.post('/api/me/avatar', {
    preHandler, schema: { tags, summary: 'Upload my avatar (multipart field "file": JPEG/PNG/WebP ≤ 2 MiB)', consumes: ['multipart/form-data'], response: { 200: Type.Object({ avatarUrl: Type.String() }) } },
  }, async (request) => P.setAvatar(ctx, me(request), await readUpload(request, P.AVATAR_MAX_BYTES)));

  app.post('/api/me/password', { preHandler, onError: retryAfterHeader, schema: { tags, summary: 'Set or change my password (signs out other devices)', body: S.ChangePasswordBody } },
    async (request, reply) => {
      await P.changePassword(ctx, me(request), request.user!.sessionId, request.body, request.ip);
      return reply.status(204).send();
    });

  app.get('/api/me/emergency-contact', { preHandler, schema: { tags, response: { 200: Type.Union([S.EmergencyContact, Type.Null()]) } } },
    async (request) => P.getEmergencyContact(ctx, me(request)));
  app.put('/api/me/emergency-contact', { preHandler, schema: { tags, body: S.EmergencyContactBody, response: { 200: S.EmergencyContact } } },
    async (request) => P.setEmergencyContact(ctx, me(request), request.body));

  app.get('/api/me/addresses', { preHandler, schema: { tags, summary: 'My addresses', response: { 200: Type.Array(S.Address) } } },
    async (request) => listMyAddresses(ctx, me(request)));
  app.post('/api/me/addresses', { preHandler, schema: { tags, summary: 'Add an address', body: S.AddressBody, response: { 201: S.Address } } },
    async (request, reply) => reply.status(201).send(await addAddress(ctx, me(request), request.body)));
  app.patch('/api/me/addresses/:id', { preHandler, schema: { tags, params: S.IdParam, body: S.AddressPatch, response: { 200: S.Address } } },
    async (request) => updateAddress(ctx, me(request), request.params.id, request.body));
  app.delete('/api/me/addresses/:id', { preHandler, schema: { tags, params: S.IdParam } },
    async (request, reply) => {
      await deleteAddress(ctx, me(request), request.params.id);
      return reply.status(204).send();
    });

  app.get('/api/me/sessions', { preHandler, schema: { tags, summary: 'My devices (live sessions)', response: { 200: Type.Array(S.Device) } } },
    async (request) => P.listDevices(ctx, me(request), request.user!.sessionId));
  app.delete('/api/me/sessions/:id', { preHandler, schema: { tags, summary: 'Sign a device out', params: S.IdParam } },
    async (request, reply) => {
      await P.signOutDevice(ctx, me(request), request.params.id);
      return reply.status(204).send();
    });

  app.get('/api/me/export', { preHandler, schema: { tags, summary: 'Download everything held about me (JSON)' } }, async (request, reply) => {
    const data = await exportMyData(ctx, me(request));
    reply.header('content-disposition', `attachment; filename="daojia-my-data-${new Date().toISOString().slice(0, 10)}.json"`);
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2));
  });

  app.post('/api/me/delete/code', { preHandler, onError: retryAfterHeader, schema: { tags, summary: 'Send the account-deletion SMS code to my phone', body: Type.Object({}, { additionalProperties: false }), response: { 200: S.SendSmsReply } } },
    async (request) => sendDeletionCode(ctx, me(request), request.ip));

  app.post('/api/me/delete', { preHandler, onError: retryAfterHeader, schema: { tags, summary: 'Delete my account (注销); needs my password or an SMS code', body: S.DeleteAccountBody } },
    async (request, reply) => {
      await deleteMyAccount(ctx, me(request), request.body, metaOf(request).ip);
      clearSessionCookie(reply, 'user');
      return reply.status(204).send();
    });
}
