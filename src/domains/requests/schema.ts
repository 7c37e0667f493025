import { Type } from 'typebox';
import { SETTINGS_RANGES } from './settings.js';
import { SPECIAL_NEEDS } from './present.js';

const Strict = { additionalProperties: false } as const;
const Id = Type.String({ format: 'uuid' });
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const Window = Type.Object({ start: Type.String({ format: 'date-time' }), end: Type.String({ format: 'date-time' }) }, Strict);

const fields = {
  categoryCode: Type.String({ minLength: 1, maxLength: 40 }),
  itemCode: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  description: Type.String({ minLength: 5, maxLength: 1000 }),
  photoFileIds: Type.Optional(Type.Array(Id, { maxItems: 9, uniqueItems: true })),
  addressId: Type.Optional(Id),
  windows: Type.Optional(Type.Array(Window, { minItems: 1, maxItems: 3 })),
  budgetMinFen: Type.Optional(Fen),
  budgetMaxFen: Type.Optional(Fen),
  specialNeeds: Type.Optional(Type.Array(Type.Union(SPECIAL_NEEDS.map((n) => Type.Literal(n))), { maxItems: SPECIAL_NEEDS.length, uniqueItems: true })),
  notes: Type.Optional(Type.String({ maxLength: 300 })),
};

export const CreateBody = Type.Object({ ...fields, publish: Type.Optional(Type.Boolean()) }, Strict);
export const PatchBody = Type.Partial(Type.Object(fields), { ...Strict, minProperties: 1 });
export const IdParams = Type.Object({ id: Id }, Strict);
export const FileParams = Type.Object({ id: Id, fileId: Id }, Strict);
export const ListQuery = Type.Object({ status: Type.Optional(Type.Union(['draft', 'open', 'chosen', 'expired', 'cancelled'].map((s) => Type.Literal(s)))) }, Strict);
export const ChooseBody = Type.Object({ answerId: Id, addressId: Type.Optional(Id) }, Strict);

const Line = Type.Object({
  kind: Type.Union(['labour', 'parts', 'material', 'other'].map((k) => Type.Literal(k))),
  description: Type.String({ minLength: 1, maxLength: 100 }),
  quantity: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }),
  unitPriceFen: Type.Integer({ minimum: -100_000_000, maximum: 100_000_000 }),
}, Strict);
export const AnswerBody = Type.Object({
  lines: Type.Array(Line, { minItems: 1, maxItems: 20 }),
  start: Type.String({ format: 'date-time' }),
  durationMinutes: Type.Integer({ minimum: 30, maximum: 720 }),
  message: Type.Optional(Type.String({ maxLength: 300 })),
}, Strict);

export const AdminListQuery = Type.Object({
  status: Type.Optional(Type.Union(['open', 'chosen', 'expired', 'cancelled'].map((s) => Type.Literal(s)))),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
}, Strict);
export const InviteBody = Type.Object({ workerId: Id }, Strict);
export const SettingsBody = Type.Object(Object.fromEntries(Object.entries(SETTINGS_RANGES).map(([k, [min, max]]) => [k, Type.Integer({ minimum: min, maximum: max })])) as Record<keyof typeof SETTINGS_RANGES, ReturnType<typeof Type.Integer>>, Strict);
