import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Api, AppContext } from './app-context.js';
import { tokenFrom } from './auth.js';
import { writeAudit } from './audit.js';
import { AppError } from './errors.js';
import { findFile, sendStoredFile } from './files.js';
import { resolveSession } from './sessions.js';

/** Serves stored files: public ones (avatars) to anyone, private ones only to their owner. */
export async function fileRoutes(app: Api, ctx: AppContext) {
  app.get('/api/files/:id', {
    schema: { tags: ['files'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
  }, async (request, reply) => {
    const file = await findFile(ctx.db, request.params.id);
    if (!file) throw new AppError('NOT_FOUND');
    if (!file.is_public) {
      const token = tokenFrom(request, 'user');
      const session = token ? await resolveSession(ctx.db, token) : null;
      const owner = session && session.principalKind === file.owner_kind && session.principalId === file.owner_id;
      if (!owner) {
        // Reviewers with the PII permission may open private documents; every view is audited.
        const admin = await ctx.guards.admin('workers:pii')(request, reply).then(() => request.admin, () => null);
        if (!admin) throw new AppError('NOT_FOUND');
        await writeAudit(ctx.db, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'file.viewed', targetType: file.purpose, targetId: file.id, ip: request.ip });
      }
    }
    const bytes = await ctx.storage.get(file.storage_key);
    if (!bytes) throw new AppError('NOT_FOUND');
    return sendStoredFile(reply, file, bytes, { isPublic: file.is_public });
  });
}
