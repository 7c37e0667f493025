import { Type } from 'typebox';
import { COMPLAINT_CATEGORIES } from './rules.js';

const Strict = { additionalProperties: false } as const;
export const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const EvidenceParams = Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) });
export const Category = Type.Union(COMPLAINT_CATEGORIES.map((c) => Type.Literal(c)));
export const Status = Type.Union([Type.Literal('submitted'), Type.Literal('in_progress'), Type.Literal('resolved'), Type.Literal('rejected'), Type.Literal('open')]);
export const FileBody = Type.Object({
  category: Category,
  description: Type.String({ minLength: 1, maxLength: 1000 }),
  evidenceFileIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9, uniqueItems: true })),
}, Strict);
export const MineQuery = Type.Object({
  role: Type.Optional(Type.Union([Type.Literal('filed'), Type.Literal('against')])),
  page: Type.Optional(Type.Integer({ minimum: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});
export const AdminListQuery = Type.Object({
  status: Type.Optional(Status), category: Type.Optional(Category), overdue: Type.Optional(Type.Boolean()), mine: Type.Optional(Type.Boolean()),
  orderId: Type.Optional(Type.String({ format: 'uuid' })),
  page: Type.Optional(Type.Integer({ minimum: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export const AssignBody = Type.Object({ adminId: Type.String({ format: 'uuid' }) }, Strict);
export const ReplyBody = Type.Object({ message: Type.String({ minLength: 1, maxLength: 500 }) }, Strict);
export const Penalty = Type.Object({
  kind: Type.Union([Type.Literal('warning'), Type.Literal('suspension'), Type.Literal('removal')]),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
}, Strict);
export const ResolveBody = Type.Object({ outcome: Type.String({ minLength: 1, maxLength: 500 }), penalty: Type.Optional(Penalty) }, Strict);
export const RejectBody = Type.Object({ outcome: Type.String({ minLength: 1, maxLength: 500 }) }, Strict);
export const AfterSalesBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, Strict);
export const SettingsBody = Type.Object({
  firstResponseHours: Type.Integer({ minimum: 1, maximum: 720 }), resolutionHours: Type.Integer({ minimum: 1, maximum: 720 }),
  safetyFirstResponseHours: Type.Integer({ minimum: 1, maximum: 720 }), safetyResolutionHours: Type.Integer({ minimum: 1, maximum: 720 }),
  windowDays: Type.Integer({ minimum: 1, maximum: 180 }),
}, Strict);
