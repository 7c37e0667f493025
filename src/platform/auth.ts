import DataLoader from 'dataloader';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import { AppError } from './errors.js';
import { can, permissionsOf, type Permission } from './rbac.js';
import { sessionBatcher, type PrincipalKind } from './sessions.js';

export const COOKIE = { user: 'dj_session', admin: 'dj_admin' } as const;

export interface Principal { id: string; roles: string[]; name: string }
export interface AuthedUser extends Principal { sessionId: string }
export interface AuthedAdmin extends Principal { sessionId: string; permissions: Permission[] }

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthedUser;
    admin?: AuthedAdmin;
  }
}

/** How the guards find principals (batched: ids in, the live ones out); the accounts and admin domains provide these. */
export interface PrincipalLoaders {
  loadUsers(ids: readonly string[]): Promise<Principal[]>;
  loadAdmins(ids: readonly string[]): Promise<Principal[]>;
}

/** One query per event-loop turn for all the principals the guards ask for in it. */
function batched(load: (ids: readonly string[]) => Promise<Principal[]>) {
  const loader = new DataLoader<string, Principal | null>(async (ids) => {
    const found = new Map((await load([...new Set(ids)])).map((p) => [p.id, p]));
    return ids.map((id) => found.get(id) ?? null);
  }, { cache: false, batchScheduleFn: setImmediate });
  return (id: string) => loader.load(id);
}

export function tokenFrom(request: FastifyRequest, kind: PrincipalKind): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
  return request.cookies?.[COOKIE[kind]];
}

/** preHandler guards: every route declares who may call it; objects are checked in services. */
export function createGuards(db: Kysely<DB>, loaders: PrincipalLoaders) {
  const session = sessionBatcher(db);
  const load = { user: batched(loaders.loadUsers), admin: batched(loaders.loadAdmins) };
  async function principal(request: FastifyRequest, kind: PrincipalKind) {
    const token = tokenFrom(request, kind);
    if (!token) return null;
    const found = await session(token);
    if (!found || found.principalKind !== kind) return null;
    const p = await load[kind](found.principalId);
    return p ? { ...p, sessionId: found.id } : null;
  }

  return {
    /** A signed-in customer or worker; with `role`, that role is required. */
    user(role?: 'customer' | 'worker') {
      return async (request: FastifyRequest, _reply: FastifyReply) => {
        const user = await principal(request, 'user');
        if (!user) throw new AppError('UNAUTHENTICATED');
        if (role && !user.roles.includes(role)) throw new AppError('FORBIDDEN');
        request.user = user;
      };
    },
    /** A signed-in admin holding `permission` (or any admin when omitted). */
    admin(permission?: Permission) {
      return async (request: FastifyRequest, _reply: FastifyReply) => {
        const admin = await principal(request, 'admin');
        if (!admin) throw new AppError('UNAUTHENTICATED');
        if (permission && !can(admin.roles, permission)) throw new AppError('FORBIDDEN');
        request.admin = { ...admin, permissions: permissionsOf(admin.roles) };
      };
    },
  };
}

export type Guards = ReturnType<typeof createGuards>;

export function clientIp(request: FastifyRequest): string {
  return request.ip ?? '';
}

/** httpOnly, SameSite=Lax cookie; "remember me" makes it persistent, otherwise it ends with the browser. */
export function setSessionCookie(reply: FastifyReply, kind: PrincipalKind, token: string, remember: boolean, expiresAt: Date, secure: boolean) {
  reply.setCookie(COOKIE[kind], token, {
    httpOnly: true, sameSite: 'lax', path: '/', secure, ...(remember ? { expires: expiresAt } : {}),
  });
}

export function clearSessionCookie(reply: FastifyReply, kind: PrincipalKind) {
  reply.clearCookie(COOKIE[kind], { path: '/' });
}
