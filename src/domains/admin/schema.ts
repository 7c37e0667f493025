import { Type } from 'typebox';
import { ADMIN_ROLES } from '../../platform/rbac.js';

const Strict = { additionalProperties: false } as const;
export const AdminRole = Type.Union(ADMIN_ROLES.map((r) => Type.Literal(r)));
export const AdminView = Type.Object({
  id: Type.String(), username: Type.String(), name: Type.String(), roles: Type.Array(Type.String()), disabled: Type.Boolean(),
  createdAt: Type.String(), lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});
export const AdminMe = Type.Object({ id: Type.String(), username: Type.String(), name: Type.String(), roles: Type.Array(Type.String()), permissions: Type.Array(Type.String()) });
export const AdminLoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 50 }), password: Type.String({ minLength: 1, maxLength: 128 }) }, Strict);
export const AdminLoginReply = Type.Object({ admin: AdminMe, token: Type.String() });
export const CreateAdminBody = Type.Object({
  username: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$' }), name: Type.String({ minLength: 1, maxLength: 40 }),
  password: Type.String({ minLength: 1, maxLength: 128 }), roles: Type.Array(AdminRole, { minItems: 1, maxItems: 4, uniqueItems: true }),
}, Strict);
export const UpdateAdminBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  roles: Type.Optional(Type.Array(AdminRole, { minItems: 1, maxItems: 4, uniqueItems: true })),
  disabled: Type.Optional(Type.Boolean()), password: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
}, Strict);
export const Overview = Type.Object({
  customers: Type.Integer(), workers: Type.Integer(), categories: Type.Integer(), items: Type.Integer(), signInsToday: Type.Integer(), smsToday: Type.Integer(),
});
export const UserRow = Type.Object({
  id: Type.String(), name: Type.String(), roles: Type.Array(Type.String()), phoneMasked: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(), deletedAt: Type.Union([Type.String(), Type.Null()]),
});
export const OutboxRow = Type.Object({ id: Type.String(), channel: Type.String(), recipient: Type.String(), subject: Type.String(), body: Type.String(), createdAt: Type.String() });
export const AuditRow = Type.Object({
  id: Type.String(), actorKind: Type.String(), actorId: Type.Union([Type.String(), Type.Null()]), actorName: Type.String(), action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]), targetId: Type.Union([Type.String(), Type.Null()]), ip: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()), createdAt: Type.String(),
});
