import type { ColumnType, Generated } from 'kysely';
import type { DispatchPlansTable } from './types-dispatch-plans.js';
import type { PaymentsDB } from './types-payments.js';
import type { PromotionsDB } from './types-promotions.js';
import type { MessagingDB, SafetyDB } from './types-messaging.js';
import type { ReviewsDB } from './types-reviews.js';
import type { ComplaintsDB } from './types-complaints.js';
import type { QualityDB } from './types-quality.js';
import type { ClaimsDB } from './types-claims.js';
import type { TrackingDB } from './types-tracking.js';
import type { CallsDB } from './types-calls.js';
import type { ConsultationsDB } from './types-consultations.js';
import type { LimitsDB } from './types-limits.js';
import type { OnsiteDB } from './types-onsite.js';
import type { RequestsDB } from './types-requests.js';

/** Kysely table types, kept by hand beside the SQL migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | T, string | T>;

export interface EmergencyContactJson { name: string; phoneEnc: string; phoneMasked: string; relation: string }

/** Consent to the privacy policy, per account and version (migration 0035). */
export interface PrivacyConsentsTable { id: Generated<string>; user_id: string; policy_version: string; accepted_at: Generated<Date>; ip: Generated<string>; user_agent: Generated<string> }

export interface UsersTable {
  id: Generated<string>;
  roles: ColumnType<string[], string[] | undefined, string[]>;
  name: Generated<string>;
  gender: Generated<'male' | 'female' | 'undisclosed'>;
  avatar_file_id: string | null;
  phone_hash: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  email: string | null;
  email_verified_at: NullableTimestamp;
  password_hash: string | null;
  emergency_contact: Json<EmergencyContactJson> | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: NullableTimestamp;
}

export interface AdminAccountsTable {
  id: Generated<string>;
  username: string;
  name: string;
  password_hash: string;
  roles: string[];
  disabled: Generated<boolean>;
  created_at: Timestamp;
  last_login_at: NullableTimestamp;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  principal_kind: 'user' | 'admin';
  principal_id: string;
  user_agent: Generated<string>;
  ip: Generated<string>;
  remember: Generated<boolean>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
}

export interface SmsCodesTable {
  id: Generated<string>;
  phone_hash: string;
  purpose: 'login' | 'delete_account';
  code_hash: string;
  ip: string;
  owner_address: Generated<boolean>;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: NullableTimestamp;
  burned_at: NullableTimestamp;
}

export interface EmailTokensTable {
  token_hash: string;
  user_id: string;
  purpose: 'verify_email';
  created_at: Timestamp;
  expires_at: Timestamp;
  consumed_at: NullableTimestamp;
}

export interface AddressesTable {
  id: Generated<string>;
  user_id: string;
  label: string;
  contact_name: string;
  contact_phone_enc: string;
  contact_phone_masked: string;
  district_code: string;
  detail_enc: string;
  lat: number;
  lng: number;
  is_default: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  actor_kind: 'user' | 'admin' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_name: Generated<string>;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: Generated<string>;
  detail: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface OutboxMessagesTable {
  id: Generated<string>;
  channel: 'sms' | 'email';
  recipient: string;
  subject: Generated<string>;
  body: string;
  secrets: Generated<string[]>;
  created_at: Timestamp;
}

export interface FilesTable {
  id: Generated<string>;
  owner_kind: string;
  owner_id: string;
  purpose: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  is_public: Generated<boolean>;
  created_at: Timestamp;
}

export interface CitiesTable {
  code: string; name: string; name_en: string; time_zone: string; center_lat: number; center_lng: number;
}

export interface DistrictsTable {
  code: string; city_code: string; name: string; name_en: string;
  center_lat: number; center_lng: number; radius_km: number;
}

export interface ServiceCategoriesTable {
  id: Generated<string>; code: string; name: string; name_en: string; icon: Generated<string>; sort: Generated<number>; published: Generated<boolean>;
}

export interface ServiceItemsTable {
  id: Generated<string>;
  category_id: string;
  code: string;
  name: string;
  name_en: string;
  description: Generated<string>;
  unit: string;
  price_min_fen: number;
  price_max_fen: number;
  duration_minutes: number;
  required_certificate: string | null;
  published: Generated<boolean>;
  sort: Generated<number>;
  pricing: Json<unknown> | null;
  options: ColumnType<unknown[], string | undefined, string>;
  included: ColumnType<string[], string[] | undefined, string[]>;
  excluded: ColumnType<string[], string[] | undefined, string[]>;
  photo_file_ids: ColumnType<string[], string[] | undefined, string[]>;
  search_text: Generated<string>;
  popularity: Generated<number>;
  rating_avg: Generated<number>;
  rating_count: Generated<number>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface CityPricingTable { city_code: string; multiplier_bp: Generated<number>; updated_at: Timestamp }

export interface CityItemPricesTable {
  city_code: string; item_id: string; base_price_fen: number | null;
  reference_min_fen: number; reference_max_fen: number; updated_at: Timestamp;
}

export interface PriceRulesTable {
  id: Generated<string>;
  city_code: string;
  kind: 'night' | 'weekend' | 'urgent' | 'holiday';
  label_zh: string;
  label_en: string;
  config: Json<Record<string, unknown>>;
  adjustment: Json<{ type: 'fixed'; fen: number } | { type: 'percent'; bp: number }>;
  excludes: ColumnType<string[], string[] | undefined, string[]>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CatalogChangesTable {
  id: Generated<string>;
  entity_type: string;
  entity_id: string;
  action: string;
  admin_id: string | null;
  admin_name: Generated<string>;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  created_at: Timestamp;
}

export interface QuotesTable {
  id: Generated<string>;
  quote_no: Generated<string>;
  customer_id: string | null;
  item_id: string;
  city_code: string;
  request: Json<unknown>;
  quote: Json<unknown>;
  signature: string;
  total_fen: number;
  expires_at: Timestamp;
  consumed_at: NullableTimestamp;
  created_at: Timestamp;
}

export type WorkerStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'removed';

export interface WorkerProfilesTable {
  user_id: string;
  display_name: Generated<string>;
  gender: Generated<string>;
  district_code: string | null;
  home_lat: number | null;
  home_lng: number | null;
  service_radius_km: number | null;
  worker_type: Generated<'individual' | 'team'>;
  skill_ids: Generated<string[]>;
  rate_fen: number | null;
  rate_unit: 'hour' | 'day' | 'month' | null;
  rating_histogram: Generated<number[]>;
  /** Bayesian-smoothed rating (migration 0028), what search sorts by. */
  rating_score: Generated<number>;
  intro: Generated<string>;
  previous_employers: ColumnType<string[], string[] | undefined, string[]>;
  max_minutes_per_day: Generated<number>;
  min_break_minutes: Generated<number>;
  suspended_until: NullableTimestamp;
  review_note: Generated<string>;
  submitted_at: NullableTimestamp;
  approved_at: NullableTimestamp;
  updated_at: Timestamp;
  experience_years: Generated<number>;
  rating_avg: Generated<number>;
  rating_count: Generated<number>;
  orders_done: Generated<number>;
  status: Generated<WorkerStatus>;
  online: Generated<boolean>;
  created_at: Timestamp;
  /** Stored ll_to_earth(home_lat, home_lng) (generated). */
  home_point: ColumnType<string | null, never, never>;
}

export interface WorkerIdentitiesTable {
  worker_id: string; real_name_enc: string; real_name_masked: string; id_number_enc: string; id_number_hash: string; id_number_masked: string;
  birth_date: string; front_file_id: string; back_file_id: string; selfie_file_id: string;
  check_result: Json<Record<string, unknown>>; consent_version: string; consent_at: Timestamp; updated_at: Timestamp;
}
export interface WorkerCertificatesTable {
  id: Generated<string>; worker_id: string; kind: string; number: string; expires_at: string | null;
  file_id: string; status: Generated<'pending' | 'verified' | 'rejected'>; review_note: Generated<string>; created_at: Timestamp;
}
export interface WorkerPortfolioTable { id: Generated<string>; worker_id: string; file_id: string; caption: Generated<string>; stage: Generated<'before' | 'after'>; created_at: Timestamp }
export interface WorkerDaysOffTable { worker_id: string; day: string }
export interface WorkerTeamsTable { id: Generated<string>; leader_id: string; name: string; invite_code: string }
export interface WorkerTeamMembersTable { team_id: string; worker_id: string; joined_at: Timestamp }
export interface WorkerReviewDecisionsTable {
  id: Generated<string>; worker_id: string; decision: 'approved' | 'rejected'; reason: Generated<string>; admin_id: string | null; admin_name: Generated<string>; created_at: Timestamp;
}
export interface WorkerPenaltiesTable {
  id: Generated<string>; worker_id: string; kind: 'warning' | 'suspension' | 'removal'; reason: string; days: number | null;
  starts_at: Timestamp; ends_at: NullableTimestamp; admin_id: string | null; admin_name: Generated<string>;
  appeal_text: string | null; appealed_at: NullableTimestamp; appeal_outcome: 'upheld' | 'revoked' | null; appeal_note: string | null;
  appeal_decided_at: NullableTimestamp; revoked_at: NullableTimestamp; created_at: Timestamp;
}
export interface FavouriteWorkersTable { customer_id: string; worker_id: string; created_at: Timestamp }

export interface WorkerSkillsTable { worker_id: string; item_id: string }
export interface WorkerHoursTable { worker_id: string; weekday: number; start_minute: number; end_minute: number }

export interface BookingSettingsTable { city_code: string; settings: Json<unknown>; updated_at: Timestamp }

export interface OrdersTable {
  id: Generated<string>;
  order_no: string;
  city_code: string;
  kind: ColumnType<'normal' | 'rework', 'normal' | 'rework' | undefined, 'normal' | 'rework'>;
  parent_order_id: string | null;
  channel: ColumnType<'app' | 'phone', 'app' | 'phone' | undefined, 'app' | 'phone'>;
  booked_by_admin_id: string | null;
  booked_by_admin_name: string | null;
  customer_id: string;
  worker_id: string | null;
  preferred_worker_id: string | null;
  item_id: string;
  item_code: string;
  category_code: string;
  status: Generated<string>;
  version: Generated<number>;
  scheduled_start: Timestamp;
  duration_minutes: number;
  buffer_minutes: number;
  district_code: string;
  lat: number;
  lng: number;
  quote_id: string | null;
  quote_snapshot: Json<unknown>;
  address_enc: string;
  address_label: Generated<string>;
  worker_snapshot: Json<unknown> | null;
  price_fen: number;
  extras_fen: Generated<number>;
  paid_fen: Generated<number>;
  refund_fen: Generated<number>;
  fee_fen: Generated<number>;
  worker_compensation_fen: Generated<number>;
  pay_method: string | null;
  coupon_fen: Generated<number>;
  insurance_premium_fen: Generated<number>;
  insurance_cover_fen: Generated<number>;
  insurance_plan: string | null;
  service_code: string;
  check_in_failures: Generated<number>;
  notes: Generated<string>;
  photo_file_ids: ColumnType<string[], string[] | undefined, string[]>;
  relay_number: string | null;
  eta_at: NullableTimestamp;
  paid_at: NullableTimestamp;
  accepted_at: NullableTimestamp;
  departed_at: NullableTimestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  completed_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  cancel_reason: Generated<string>;
  check_in: Json<unknown> | null;
  late_flagged_at: NullableTimestamp;
  /** An earlier visit the worker asked for; the customer answers in the app (`agreed` opens set off / check-in from it). */
  early_visit_at: NullableTimestamp;
  early_visit_status: 'requested' | 'agreed' | 'declined' | null;
  early_visit_requested_at: NullableTimestamp;
  early_visit_decided_at: NullableTimestamp;
  /** Why the worker finished well before the booked duration had passed (shown to the customer). */
  early_finish_reason: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkerCommitmentsTable {
  id: Generated<string>;
  worker_id: string;
  order_id: string;
  kind: 'hold' | 'order';
  during: string;
  work_minutes: number;
  active: Generated<boolean>;
  created_at: Timestamp;
  released_at: NullableTimestamp;
}

export interface OrderOffersTable {
  order_id: string;
  worker_id: string;
  status: Generated<'open' | 'declined' | 'accepted' | 'withdrawn' | 'expired'>;
  round: Generated<number>;
  mode: Generated<'grab' | 'assign' | 'chosen'>;
  score: number | null;
  expires_at: NullableTimestamp;
  distance_km: number | null;
  reason: Generated<string>;
  created_at: Timestamp;
  decided_at: NullableTimestamp;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: string;
  at: Timestamp;
  action: string;
  actor_kind: 'customer' | 'worker' | 'admin' | 'system';
  actor_id: string | null;
  actor_name: Generated<string>;
  from_status: string | null;
  to_status: string | null;
  note: Generated<string>;
  detail: Json<Record<string, unknown>>;
}

export interface OrderExtrasTable {
  id: Generated<string>;
  order_id: string;
  title: string;
  amount_fen: number;
  reason: Generated<string>;
  status: Generated<'proposed' | 'accepted' | 'refused' | 'withdrawn'>;
  created_at: Timestamp;
  decided_at: NullableTimestamp;
}

export interface OrderRecordsTable {
  id: Generated<string>;
  order_id: string;
  worker_id: string;
  note: Generated<string>;
  photos_before: ColumnType<string[], string[] | undefined, string[]>;
  photos_after: ColumnType<string[], string[] | undefined, string[]>;
  checklist: Json<{ label: string; done: boolean }[]>;
  created_at: Timestamp;
}

export interface DisputeStatementsTable {
  id: Generated<string>;
  order_id: string;
  party: 'customer' | 'worker';
  author_id: string;
  body: string;
  file_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
}

export type RescheduleStatus = 'pending_ops' | 'pending_customer' | 'pending_worker' | 'approved' | 'rejected' | 'withdrawn';
export interface RescheduleRequestsTable {
  id: Generated<string>;
  order_id: string;
  requested_by: 'customer' | 'worker';
  requester_id: string;
  previous_start: Timestamp;
  proposed_start: Timestamp;
  reason: string;
  status: RescheduleStatus;
  decision_note: Generated<string>;
  ops_admin_id: string | null;
  created_at: Timestamp;
  decided_at: NullableTimestamp;
}

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  key: string;
  run_at: Timestamp;
  payload: Json<Record<string, unknown>>;
  attempts: Generated<number>;
  locked_until: NullableTimestamp;
  done_at: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  principal: string;
  key: string;
  route: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: Timestamp;
}

export interface DispatchSettingsTable { city_code: string; category_code: Generated<string>; settings: Json<unknown>; updated_at: Timestamp }
export interface DispatchDecisionsTable {
  id: Generated<string>; order_id: string; round: number; mode: string; offered: ColumnType<string[], string[] | undefined, string[]>;
  ranked: Json<unknown>; rejected: Json<unknown>; candidates: number; created_at: Timestamp;
}
export interface DispatchQueueTable { order_id: string; reason: string; queued_at: Timestamp; resolved_at: NullableTimestamp }

export interface DB extends PaymentsDB, PromotionsDB, MessagingDB, SafetyDB, ReviewsDB, ComplaintsDB, ConsultationsDB, TrackingDB, QualityDB, ClaimsDB, CallsDB, LimitsDB, OnsiteDB, RequestsDB {
  privacy_consents: PrivacyConsentsTable;
  users: UsersTable;
  admin_accounts: AdminAccountsTable;
  sessions: SessionsTable;
  sms_codes: SmsCodesTable;
  email_tokens: EmailTokensTable;
  addresses: AddressesTable;
  audit_log: AuditLogTable;
  outbox_messages: OutboxMessagesTable;
  files: FilesTable;
  cities: CitiesTable;
  districts: DistrictsTable;
  service_categories: ServiceCategoriesTable;
  service_items: ServiceItemsTable;
  worker_profiles: WorkerProfilesTable;
  worker_skills: WorkerSkillsTable;
  worker_hours: WorkerHoursTable;
  city_pricing: CityPricingTable;
  city_item_prices: CityItemPricesTable;
  price_rules: PriceRulesTable;
  catalog_changes: CatalogChangesTable;
  quotes: QuotesTable;
  worker_identities: WorkerIdentitiesTable;
  worker_certificates: WorkerCertificatesTable;
  worker_portfolio: WorkerPortfolioTable;
  worker_days_off: WorkerDaysOffTable;
  worker_teams: WorkerTeamsTable;
  worker_team_members: WorkerTeamMembersTable;
  worker_review_decisions: WorkerReviewDecisionsTable;
  worker_penalties: WorkerPenaltiesTable;
  favourite_workers: FavouriteWorkersTable;
  booking_settings: BookingSettingsTable;
  orders: OrdersTable;
  worker_commitments: WorkerCommitmentsTable;
  order_offers: OrderOffersTable;
  order_events: OrderEventsTable;
  order_extras: OrderExtrasTable;
  order_records: OrderRecordsTable;
  reschedule_requests: RescheduleRequestsTable;
  dispute_statements: DisputeStatementsTable;
  jobs: JobsTable;
  idempotency_keys: IdempotencyKeysTable;
  dispatch_settings: DispatchSettingsTable;
  dispatch_decisions: DispatchDecisionsTable;
  dispatch_queue: DispatchQueueTable;
  dispatch_plans: DispatchPlansTable;
}
