// Orders and booking objects exchanged with the API (docs/api-booking.md). Times ISO 8601 UTC, money integer fen.
import type { QuoteLine } from './catalog-types';
import type { WorkerBrief } from './worker-types';

export type OrderState =
  | 'created' | 'paid' | 'assigned' | 'on_the_way' | 'in_service' | 'awaiting_confirmation'
  | 'completed' | 'closed' | 'cancelled' | 'disputed' | 'refunded';

export type OrderTab = 'to_pay' | 'to_accept' | 'to_visit' | 'in_service' | 'to_confirm' | 'done' | 'cancelled' | 'after_sales';

export interface LocalText { zh: string; en: string }

export interface SlotOption { start: string; workerCount: number }
export interface SlotDay { date: string; slots: SlotOption[] }

/** GET /api/booking/slots */
export interface SlotAnswer {
  timeZone: string;
  durationMinutes: number;
  bufferMinutes: number;
  /** Qualified workers whose area covers the address (0 → ADDRESS_NOT_COVERED is answered instead). */
  workerCount: number;
  /** First free start within the next 3 hours, or null. */
  asap: SlotOption | null;
  days: SlotDay[];
}

export interface OrderWorkerCard extends WorkerBrief {
  experienceYears: number;
  /** Relay (virtual) number; only while the visit is ahead or in progress. */
  relayPhone: string | null;
}

export interface TimelineEvent {
  at: string;
  action: string;
  label: LocalText;
  actorKind: 'customer' | 'worker' | 'admin' | 'system';
  actorName: string;
  fromStatus: OrderState | null;
  toStatus: OrderState | null;
  note: string;
}

export interface ExtraWork {
  id: string;
  title: string;
  amountFen: number;
  reason: string;
  status: 'proposed' | 'accepted' | 'refused' | 'withdrawn';
  createdAt: string;
  decidedAt: string | null;
}

/** 上门报价: one line the worker entered. */
export interface OnSiteItem { kind: 'labour' | 'parts' | 'material' | 'other'; description: string; quantity: number; unitPriceFen: number }

/** 上门报价: one proposal of the worker, priced by the server (time surcharges of the booked start included). */
export interface OnSiteProposal {
  id: string;
  status: 'proposed' | 'replaced' | 'accepted' | 'declined' | 'withdrawn';
  items: OnSiteItem[];
  lines: { code: string; label: { zh: string; en: string }; quantity: number; unitPriceFen: number; amountFen: number; kind: OnSiteItem['kind'] | null }[];
  subtotalFen: number;
  totalFen: number;
  depositFen: number;
  balanceDueFen: number;
  refundDueFen: number;
  referenceRange: { minFen: number; maxFen: number } | null;
  outOfRangeReason: string | null;
  flagged: boolean;
  previousPriceFen: number;
  createdAt: string;
  decidedAt: string | null;
}

/** An order booked at a deposit for an item priced on site: the deposit, the city's reference range, the proposals newest first. */
export interface OnSiteQuote {
  depositFen: number;
  referenceRange: { minFen: number; maxFen: number } | null;
  proposals: OnSiteProposal[];
}

export interface ChecklistEntry { label: string; done: boolean }

export interface ServiceRecord {
  id: string;
  note: string;
  photosBefore: string[];
  photosAfter: string[];
  checklist: ChecklistEntry[];
  createdAt: string;
}

export interface RescheduleRequest {
  id: string;
  requestedBy: 'customer' | 'worker';
  proposedStart: string;
  previousStart: string;
  reason: string;
  status: 'pending_ops' | 'pending_customer' | 'pending_worker' | 'approved' | 'rejected' | 'withdrawn';
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string;
}

export interface OrderPrice {
  lines: QuoteLine[];
  subtotalFen: number;
  discountFen: number;
  /** The booked price (quote total). */
  totalFen: number;
  /** Accepted extra work. */
  extrasFen: number;
  /** totalFen + extrasFen */
  dueFen: number;
  paidFen: number;
  refundFen: number;
  feeFen: number;
  workerCompensationFen: number;
  /** What the order's coupon took off (also a COUPON line). */
  couponFen: number;
  /** How the order was paid: a provider, or `service_card` (次卡); null while unpaid. */
  payMethod: 'wechat' | 'alipay' | 'card' | 'service_card' | null;
  /** Accident insurance on the order (its premium is also an INSURANCE line), or null. */
  insurance: { premiumFen: number; coverFen: number; plan: string } | null;
}

export interface OrderAddress {
  label: string;
  districtCode: string;
  districtName: string;
  /** Customer and admin views: full; worker view: only between accepting and finishing, else null. */
  detail: string | null;
  contactName: string | null;
  contactPhoneMasked: string | null;
  lat: number | null;
  lng: number | null;
}

export interface OrderSummary {
  id: string;
  orderNo: string;
  status: OrderState;
  statusLabel: LocalText;
  tab: OrderTab;
  kind: 'normal' | 'rework';
  itemCode: string;
  itemName: string;
  itemNameEn: string;
  scheduledStart: string;
  durationMinutes: number;
  districtName: string;
  districtNameEn: string;
  totalFen: number;
  workerName: string | null;
  createdAt: string;
}

export interface OrderView extends OrderSummary {
  timeZone: string;
  /** Worker view only: km from the worker's home base to the address. */
  distanceKm?: number | null;
  channel: 'app' | 'phone';
  price: OrderPrice;
  address: OrderAddress;
  notes: string;
  photos: string[];
  /** Customer view only, from acceptance until check-in: the 4-digit 上门核销码. */
  serviceCode: string | null;
  worker: OrderWorkerCard | null;
  preferredWorkerId: string | null;
  etaAt: string | null;
  paidAt: string | null;
  acceptedAt: string | null;
  departedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string;
  /** When the order is auto-accepted (awaiting_confirmation). */
  autoConfirmAt: string | null;
  /** End of the after-sales window (problem reports, free rework). */
  afterSalesEndsAt: string | null;
  lateFlagged: boolean;
  /** 提前上门: the worker's request to come earlier than booked and the customer's answer. */
  earlyVisit: EarlyVisit | null;
  /** Why the worker finished well before the booked duration had passed (shown to the customer). */
  earlyFinishReason: string | null;
  /** When set off and check-in open (from the booked start or an agreed earlier time) and when finishing needs no reason. */
  windows: { departOpensAt: string | null; checkInOpensAt: string | null; finishWithoutReasonAt: string | null };
  extras: ExtraWork[];
  /** 上门报价; null when the order is not priced on site. */
  onSiteQuote: OnSiteQuote | null;
  records: ServiceRecord[];
  /** Default checklist for the worker's record: the item's "included" list. */
  checklistTemplate: string[];
  reschedule: RescheduleRequest | null;
  reworkOf: string | null;
  reworkOrderId: string | null;
  timeline: TimelineEvent[];
  /** What the viewer may do now, e.g. ['pay', 'cancel', 'reschedule'] (customer), ['accept', 'decline'] (worker). */
  actions: string[];
}

export interface EarlyVisit {
  at: string;
  status: 'requested' | 'agreed' | 'declined';
  requestedAt: string | null;
  decidedAt: string | null;
}

/** GET /api/orders/:id/cancellation */
export interface CancellationPreview {
  feeFen: number;
  refundFen: number;
  workerCompensationFen: number;
  platformFen: number;
  /** Free cancellation until this instant (null once passed or when always free). */
  freeUntil: string | null;
}

/** Worker lists: offers, upcoming, history. */
export interface WorkerOrderSummary extends OrderSummary {
  distanceKm: number | null;
  /** Offer still open for me (view=offers). */
  offered: boolean;
}

export interface CalendarEntry {
  districtNameEn: string;
  orderId: string;
  orderNo: string;
  start: string;
  end: string;
  status: OrderState;
  itemName: string;
  itemNameEn: string;
  districtName: string;
}

export interface AdminOrderSummary extends OrderSummary {
  customerName: string;
  customerPhoneMasked: string | null;
  workerId: string | null;
  categoryCode: string;
  anomalies: ('unpaid' | 'unassigned_soon' | 'late' | 'overrunning')[];
}

export interface AdminOrderView extends OrderView {
  customerId: string;
  customerName: string;
  customerPhoneMasked: string | null;
  bookedByAdmin: string | null;
  anomalies: AdminOrderSummary['anomalies'];
}

export interface BookingSettings {
  bufferMinutes: number;
  unpaidCancelMinutes: number;
  autoConfirmHours: number;
  afterSalesHours: number;
  disputeStatementHours: number;
  reworkHours: number;
  noShowGraceMinutes: number;
  lateGraceMinutes: number;
  checkInRadiusMeters: number;
  departWindowHours: number;
  checkInMinutesBefore: number;
  earlyFinishPercent: number;
  reminderMinutes: number[];
  freeCancelHours: number;
  cancelTiers: { withinHours: number; feeBp: number }[];
  workerShareBp: number;
}

export interface AdminRescheduleItem extends RescheduleRequest {
  orderId: string;
  orderNo: string;
  itemName: string;
  workerName: string | null;
}

export interface CandidateWorker {
  id: string;
  name: string;
  distanceKm: number;
  ratingAvg: number;
  ordersDone: number;
}

/** One stop of a route with its ETA chain (day planning and the worker's route). */
export interface EtaStop {
  orderId: string;
  orderNo: string;
  itemName: string;
  itemNameEn: string;
  districtName: string;
  districtNameEn: string;
  leave: string;
  travelKm: number;
  travelMinutes: number;
  arrive: string;
  waitMinutes: number;
  start: string;
  end: string;
  lateMinutes: number;
}
