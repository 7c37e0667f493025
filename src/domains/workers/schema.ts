import { Type } from 'typebox';
import { CERTIFICATE_KINDS, DOCUMENT_PURPOSES } from './constants.js';

const Strict = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });
const Date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const RateUnit = Type.Union([Type.Literal('hour'), Type.Literal('day'), Type.Literal('month')]);

export const ProfileBody = Type.Object({
  workerType: Type.Union([Type.Literal('individual'), Type.Literal('team')]), teamName: Type.Optional(Text(30)),
  displayName: Text(20, 1), experienceYears: Type.Integer({ minimum: 0, maximum: 60 }), previousEmployers: Type.Array(Text(50, 1), { maxItems: 10 }),
  intro: Text(500), skills: Type.Array(Text(60, 1), { minItems: 1, maxItems: 30, uniqueItems: true }), districtCode: Text(12, 1),
  homeLat: Type.Number({ minimum: -90, maximum: 90 }), homeLng: Type.Number({ minimum: -180, maximum: 180 }),
  serviceRadiusKm: Type.Number({ exclusiveMinimum: 0, maximum: 50 }),
  rate: Type.Optional(Type.Union([Type.Null(), Type.Object({ fen: Type.Integer({ minimum: 0, maximum: 100_000_000 }), unit: RateUnit }, Strict)])),
}, Strict);

export const IdentityBody = Type.Object({
  realName: Text(30, 2), idNumber: Text(18, 15), frontFileId: Uuid, backFileId: Uuid, selfieFileId: Uuid, consent: Type.Boolean(),
}, Strict);

export const UploadPurpose = Type.Object({ purpose: Type.Union(DOCUMENT_PURPOSES.map((p) => Type.Literal(p))) });
export const CertificateBody = Type.Object({
  kind: Type.Union(CERTIFICATE_KINDS.map((k) => Type.Literal(k))), number: Text(40, 2), expiresAt: Type.Union([Type.Null(), Date]), fileId: Uuid,
}, Strict);

export const ScheduleBody = Type.Object({
  hours: Type.Array(Type.Object({ weekday: Type.Integer({ minimum: 0, maximum: 6 }), startMinute: Type.Integer({ minimum: 0, maximum: 1440 }), endMinute: Type.Integer({ minimum: 0, maximum: 1440 }) }, Strict), { maxItems: 28 }),
  daysOff: Type.Array(Date, { maxItems: 366 }),
  maxMinutesPerDay: Type.Integer({ minimum: 60, maximum: 1440 }),
  minBreakMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
}, Strict);

export const PortfolioBody = Type.Object({ fileId: Uuid, caption: Text(100), stage: Type.Union([Type.Literal('before'), Type.Literal('after')]) }, Strict);
export const OnlineBody = Type.Object({ online: Type.Boolean() }, Strict);
export const AppealBody = Type.Object({ text: Text(500, 5) }, Strict);
export const RejectBody = Type.Object({ reason: Text(300, 2) }, Strict);
export const PenaltyBody = Type.Object({
  kind: Type.Union([Type.Literal('warning'), Type.Literal('suspension'), Type.Literal('removal')]), reason: Text(300, 2), days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
}, Strict);
export const CertificateDecisionBody = Type.Object({ status: Type.Union([Type.Literal('verified'), Type.Literal('rejected')]), reason: Type.Optional(Text(300)) }, Strict);
export const AppealDecisionBody = Type.Object({ outcome: Type.Union([Type.Literal('upheld'), Type.Literal('revoked')]), note: Text(300) }, Strict);

export const SearchQuery = Type.Object({
  q: Type.Optional(Text(30)), skill: Type.Optional(Text(60)), districtCode: Type.Optional(Text(12)),
  lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })), lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  addressId: Type.Optional(Uuid), ratingMin: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })),
  experience: Type.Optional(Type.Union([Type.Literal('1-3'), Type.Literal('3-5'), Type.Literal('5+')])),
  certificate: Type.Optional(Type.Union(CERTIFICATE_KINDS.map((k) => Type.Literal(k)))), gender: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female')])),
  availableAt: Type.Optional(Type.String({ format: 'date-time' })), durationMinutes: Type.Optional(Type.Integer({ minimum: 15, maximum: 1440 })),
  priceMinFen: Type.Optional(Type.Integer({ minimum: 0 })), priceMaxFen: Type.Optional(Type.Integer({ minimum: 0 })), priceUnit: Type.Optional(RateUnit),
  sort: Type.Optional(Type.Union([Type.Literal('rating'), Type.Literal('distance'), Type.Literal('orders')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});
export const JoinTeamBody = Type.Object({ inviteCode: Type.String({ pattern: '^[A-Za-z0-9]{6}$' }) }, Strict);
export const WorkerId = Type.Object({ id: Uuid });
