import { Type } from 'typebox';
import { MAX_CONFIG_FEN, MAX_PROPOSAL_LINES, PROPOSAL_LINE_KINDS } from '../catalog/index.js';
import { ORDER_STATES, ORDER_TABS } from './state-machine.js';

const Strict = { additionalProperties: false } as const;
const Uuid = Type.String({ format: 'uuid' });
const Date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Reason = Type.String({ minLength: 1, maxLength: 500 });
const Instant = Type.String({ format: 'date-time' });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

export const OrderId = Type.Object({ id: Uuid });
export const OrderRequestParams = Type.Object({ id: Uuid, rid: Uuid });
export const OrderExtraParams = Type.Object({ id: Uuid, extraId: Uuid });
export const OrderFileParams = Type.Object({ id: Uuid, fileId: Uuid });
export const Empty = Type.Object({}, Strict);

export const SlotsQuery = Type.Object({
  quoteId: Type.Optional(Uuid), orderId: Type.Optional(Uuid), addressId: Type.Optional(Uuid), workerId: Type.Optional(Uuid), from: Type.Optional(Date), to: Type.Optional(Date),
});
export const CreateOrderBody = Type.Object({
  quoteId: Uuid, addressId: Uuid, workerId: Type.Optional(Uuid), notes: Type.Optional(Type.String({ maxLength: 1000 })),
  photoFileIds: Type.Optional(Type.Array(Uuid, { maxItems: 6, uniqueItems: true })),
  insurance: Type.Optional(Type.Boolean({ description: 'add the optional accident insurance (a mandatory one is always added)' })),
  serviceCardId: Type.Optional(Type.String({ format: 'uuid', description: 'pay the visit with this service card (次卡)' })),
}, Strict);
export const PayBody = Type.Object({ method: literals(['wechat', 'alipay', 'card'] as const) }, Strict);
export const ReasonBody = Type.Object({ reason: Reason }, Strict);
export const DisputeOpenBody = Type.Object({ reason: Type.String({ minLength: 4, maxLength: 500 }) }, Strict);
export const StatementBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 1000 }), fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 9 })) }, Strict);
export const OptionalReasonBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, Strict);
export const RescheduleBody = Type.Object({ start: Instant, reason: Reason }, Strict);
export const ApproveBody = Type.Object({ approve: Type.Boolean() }, Strict);
export const EarlyVisitBody = Type.Object({ at: Type.Optional(Instant), note: Type.Optional(Type.String({ maxLength: 200 })) }, Strict);
export const EarlyVisitAnswer = Type.Object({ agree: Type.Boolean() }, Strict);
export const AcceptBody = Type.Object({ accept: Type.Boolean() }, Strict);
export const ProblemBody = Type.Object({ kind: literals(['rework', 'other'] as const), reason: Reason, reworkStart: Type.Optional(Instant) }, Strict);
export const OrdersQuery = Type.Object({
  tab: Type.Optional(literals(ORDER_TABS)), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const WorkerOrdersQuery = Type.Object({ view: Type.Optional(literals(['offers', 'upcoming', 'history'] as const)) });
export const CalendarQuery = Type.Object({ from: Date, to: Date });
export const DepartBody = Type.Object({ lat: Type.Optional(Lat), lng: Type.Optional(Lng) }, Strict);
export const CheckInBody = Type.Object({ lat: Lat, lng: Lng, serviceCode: Type.String({ pattern: '^\\d{4}$' }), farReason: Type.Optional(Type.String({ maxLength: 300 })) }, Strict);
const FileIds = Type.Array(Uuid, { maxItems: 9, uniqueItems: true });
export const RecordBody = Type.Object({
  note: Type.String({ maxLength: 2000 }), photosBefore: FileIds, photosAfter: FileIds,
  checklist: Type.Array(Type.Object({ label: Type.String({ minLength: 1, maxLength: 100 }), done: Type.Boolean() }, Strict), { maxItems: 40 }),
}, Strict);
const OnSiteLine = Type.Object({
  kind: literals(PROPOSAL_LINE_KINDS), description: Type.String({ minLength: 1, maxLength: 100, description: '人工 / 配件 / 材料 / 其他: what it is' }),
  quantity: Type.Number({ exclusiveMinimum: 0, maximum: 10_000, description: '> 0, at most 3 decimals' }), unitPriceFen: Type.Integer({ minimum: 0, maximum: MAX_CONFIG_FEN }),
}, Strict);
export const OnSiteQuoteBody = Type.Object({
  lines: Type.Array(OnSiteLine, { minItems: 1, maxItems: MAX_PROPOSAL_LINES }),
  outOfRangeReason: Type.Optional(Type.String({ maxLength: 200, description: "required when the subtotal is outside the city's reference range" })),
}, Strict);
export const OnSiteQuoteParams = Type.Object({ id: Uuid, proposalId: Uuid });
export const ExtraBody = Type.Object({ title: Type.String({ minLength: 1, maxLength: 100 }), amountFen: Type.Integer({ minimum: 1, maximum: 10_000_000 }), reason: Type.String({ maxLength: 500 }) }, Strict);

export const AdminOrdersQuery = Type.Object({
  status: Type.Optional(literals(ORDER_STATES)), categoryCode: Type.Optional(Type.String({ maxLength: 60 })), districtCode: Type.Optional(Type.String({ maxLength: 12 })),
  from: Type.Optional(Instant), to: Type.Optional(Instant), workerId: Type.Optional(Uuid), customerId: Type.Optional(Uuid), q: Type.Optional(Type.String({ maxLength: 40 })),
  anomaly: Type.Optional(literals(['unpaid', 'unassigned_soon', 'late', 'overrunning'] as const)),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});
export const AssignBody = Type.Object({ workerId: Uuid, reason: Reason }, Strict);
export const AdminCancelBody = Type.Object({ reason: Reason, cause: Type.Optional(literals(['platform', 'customer'] as const)) }, Strict);
export const ArbitrateBody = Type.Object({
  outcome: literals(['completed', 'refund_full', 'refund_partial'] as const), reason: Reason,
  refundFen: Type.Optional(Type.Integer({ minimum: 1, description: 'refund_partial: less than what is still refundable' })),
}, Strict);
export const ForceBody = Type.Object({ target: literals(ORDER_STATES), reason: Reason }, Strict);
export const DecisionBody = Type.Object({ approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) }, Strict);
export const ReschedulesQuery = Type.Object({ status: Type.Optional(literals(['pending_ops', 'pending_customer', 'pending_worker', 'approved', 'rejected', 'withdrawn'] as const)) });
export const AdminSlotsQuery = Type.Object({ itemCode: Type.String({ minLength: 1, maxLength: 60 }), quantity: Type.Number({ minimum: 0.5, maximum: 1000 }), districtCode: Type.String({ maxLength: 12 }), from: Type.Optional(Date), to: Type.Optional(Date) });
export const PhoneBookingBody = Type.Object({
  customerPhone: Type.String({ minLength: 11, maxLength: 16 }), customerName: Type.String({ maxLength: 40 }), itemCode: Type.String({ minLength: 1, maxLength: 60 }),
  quantity: Type.Number({ minimum: 0.5, maximum: 1000 }), options: Type.Record(Type.String(), Type.Unknown()), scheduledStart: Instant,
  address: Type.Object({ districtCode: Type.String({ maxLength: 12 }), detail: Type.String({ minLength: 2, maxLength: 200 }), contactName: Type.String({ minLength: 1, maxLength: 40 }), contactPhone: Type.String({ minLength: 11, maxLength: 16 }), label: Type.Optional(Type.String({ maxLength: 20 })) }, Strict),
  notes: Type.String({ maxLength: 1000 }), workerId: Type.Optional(Uuid),
}, Strict);
const Bp = Type.Integer({ minimum: 0, maximum: 10_000 });
export const SettingsBody = Type.Object({
  bufferMinutes: Type.Integer({ minimum: 0, maximum: 240 }), unpaidCancelMinutes: Type.Integer({ minimum: 1, maximum: 1440 }), autoConfirmHours: Type.Integer({ minimum: 1, maximum: 720 }),
  afterSalesHours: Type.Integer({ minimum: 1, maximum: 2160 }), reworkHours: Type.Integer({ minimum: 0, maximum: 2160 }), noShowGraceMinutes: Type.Integer({ minimum: 0, maximum: 600 }),
  lateGraceMinutes: Type.Integer({ minimum: 0, maximum: 600 }), checkInRadiusMeters: Type.Integer({ minimum: 50, maximum: 20_000 }),
  departWindowHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 48 })), checkInMinutesBefore: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
  earlyFinishPercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })), disputeStatementHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
  reminderMinutes: Type.Array(Type.Integer({ minimum: 5, maximum: 2880 }), { maxItems: 5, uniqueItems: true }), freeCancelHours: Type.Number({ minimum: 0, maximum: 720 }),
  cancelTiers: Type.Array(Type.Object({ withinHours: Type.Number({ minimum: 0, maximum: 720 }), feeBp: Bp }, Strict), { maxItems: 6 }), workerShareBp: Bp,
}, Strict);
