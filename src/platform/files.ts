import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { AppError } from './errors.js';
import { stripImageMetadata } from './image-metadata.js';
import { signedFileUrl } from './file-links.js';
import type { FileStorage } from './storage.js';

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export interface UploadInput {
  ownerKind: string;
  ownerId: string;
  purpose: string;
  bytes: Buffer;
  allowed: readonly string[];
  maxBytes: number;
  isPublic: boolean;
}

/** Stores an upload after checking its real type from its content (never the name or header); images without their metadata. */
export async function storeUpload(db: Kysely<DB>, storage: FileStorage, input: UploadInput) {
  if (input.bytes.length === 0) throw new AppError('FILE_MISSING');
  if (input.bytes.length > input.maxBytes) throw new AppError('FILE_TOO_LARGE', { limit: `${Math.round(input.maxBytes / 1024 / 1024)} MiB` });
  const detected = await fileTypeFromBuffer(input.bytes);
  if (!detected || !input.allowed.includes(detected.mime)) throw new AppError('FILE_TYPE_NOT_ALLOWED');
  // Photos lose their EXIF (GPS position, camera, time), XMP and text chunks before they are kept.
  const bytes = await stripImageMetadata(input.bytes, detected.mime);
  const row = await db.insertInto('files').values({
    owner_kind: input.ownerKind, owner_id: input.ownerId, purpose: input.purpose,
    content_type: detected.mime, size_bytes: bytes.length, storage_key: 'pending', is_public: input.isPublic,
  }).returning('id').executeTakeFirstOrThrow();
  const key = `${input.purpose}/${row.id}.${detected.ext}`;
  await storage.put(key, bytes);
  await db.updateTable('files').set({ storage_key: key }).where('id', '=', row.id).execute();
  return { id: row.id, contentType: detected.mime };
}

export async function findFile(db: Kysely<DB>, id: string) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes the file rows of an owner and returns their storage keys (remove the bytes after commit). */
export async function deleteFileRowsOf(db: Kysely<DB>, ownerKind: string, ownerId: string): Promise<string[]> {
  const rows = await db.deleteFrom('files').where('owner_kind', '=', ownerKind).where('owner_id', '=', ownerId).returning('storage_key').execute();
  return rows.map((r) => r.storage_key);
}

const EXTENSION: Record<string, string> = { 'application/pdf': '.pdf' };

/**
 * Sends a stored file: images inline, anything else (a PDF certificate or evidence) as a download, so a document
 * with scripts never runs in our origin; every file also carries a sandboxing CSP and nosniff. A private file is sent
 * only by the signed-link route (`secondsLeft` of its link bounds the browser's cache).
 */
export function sendStoredFile(reply: FastifyReply, file: { id: string; content_type: string }, bytes: Buffer, access: { isPublic: true } | { secondsLeft: number }) {
  reply.header('cache-control', 'isPublic' in access ? 'public, max-age=86400, immutable' : `private, max-age=${access.secondsLeft}`);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox");
  if (!(IMAGE_TYPES as readonly string[]).includes(file.content_type)) {
    reply.header('content-disposition', `attachment; filename="${file.id}${EXTENSION[file.content_type] ?? ''}"`);
  }
  return reply.type(file.content_type).send(bytes);
}

/** Answers an access-checked request for a private file with a redirect to its short-lived signed link. */
export function redirectToSignedFile(reply: FastifyReply, appSecret: string, fileId: string) {
  reply.header('cache-control', 'private, no-store');
  return reply.redirect(signedFileUrl(appSecret, fileId), 302);
}

export const fileUrl = (id: string | null) => (id ? `/api/files/${id}` : null);

/** Reads the one multipart file field of a request, refusing more than `maxBytes`. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  let file: Awaited<ReturnType<FastifyRequest['file']>>;
  let bytes: Buffer;
  try {
    file = await request.file({ limits: { fileSize: maxBytes + 1, files: 1 } });
    if (!file) throw new AppError('FILE_MISSING');
    bytes = await file.toBuffer();
  } catch (error) {
    // The multipart parser's own refusals (limits) carry a 4xx status; a body that ends early or has broken part
    // headers is thrown as a plain Error by busboy: the client's fault, not a 500.
    if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
    throw new AppError('UPLOAD_MALFORMED');
  }
  if (file.file.truncated || bytes.length > maxBytes) throw new AppError('FILE_TOO_LARGE', { limit: `${Math.round(maxBytes / 1024 / 1024)} MiB` });
  return bytes;
}
