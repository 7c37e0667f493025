import { Type } from 'typebox';
import type { Api, AppContext } from './app-context.js';
import { tokenFrom } from './auth.js';
import { writeAudit } from './audit.js';
import { AppError } from './errors.js';
import { checkFileLink } from './file-links.js';
import { findFile, redirectToSignedFile, sendStoredFile } from './files.js';
import { resolveSession } from './sessions.js';

const Query = Type.Object({
  expires: Type.Optional(Type.Integer({ minimum: 0, maximum: 99_999_999_999 })),
  signature: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
}, { additionalProperties: false });

/**
 * Serves stored files. Public ones (avatars, catalogue photos) to anyone. A private one's bytes only against a valid,
 * unexpired signed link (`?expires&signature`, see file-links.ts); without one, its owner or an auditing reviewer
 * holding workers:pii is redirected to a fresh link, anyone else gets 404.
 */
export async function fileRoutes(app: Api, ctx: AppContext) {
  app.get('/api/files/:id', {
    schema: { tags: ['files'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }), querystring: Query },
  }, async (request, reply) => {
    const file = await findFile(ctx.db, request.params.id);
    if (!file) throw new AppError('NOT_FOUND');
    const send = async (access: Parameters<typeof sendStoredFile>[3]) => {
      const bytes = await ctx.storage.get(file.storage_key);
      if (!bytes) throw new AppError('NOT_FOUND');
      return sendStoredFile(reply, file, bytes, access);
    };
    if (file.is_public) return send({ isPublic: true });
    const { expires, signature } = request.query;
    if (expires !== undefined && signature !== undefined) {
      const link = checkFileLink(ctx.config.appSecret, file.id, expires, signature);
      if (!link.ok) throw new AppError(link.reason === 'expired' ? 'FILE_LINK_EXPIRED' : 'NOT_FOUND');
      return send({ secondsLeft: link.secondsLeft });
    }
    const token = tokenFrom(request, 'user');
    const session = token ? await resolveSession(ctx.db, token) : null;
    const owner = session && session.principalKind === file.owner_kind && session.principalId === file.owner_id;
    if (!owner) {
      // Reviewers with the PII permission may open private documents; every view is audited.
      const admin = await ctx.guards.admin('workers:pii')(request, reply).then(() => request.admin, () => null);
      if (!admin) throw new AppError('NOT_FOUND');
      await writeAudit(ctx.db, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: 'file.viewed', targetType: file.purpose, targetId: file.id, ip: request.ip });
    }
    return redirectToSignedFile(reply, ctx.config.appSecret, file.id);
  });
}
