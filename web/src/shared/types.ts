// Objects exchanged with the API (see docs/api-foundation.md). Times are ISO 8601 UTC; money is integer fen.

export type UserRole = 'customer' | 'worker';
export type Gender = 'male' | 'female' | 'undisclosed';

export interface User {
  id: string;
  roles: UserRole[];
  name: string;
  gender: Gender;
  avatarUrl: string | null;
  phoneMasked: string | null;
  email: string | null;
  emailVerified: boolean;
  hasPassword: boolean;
  createdAt: string;
}

export interface LoginAnswer {
  user: User;
  token: string;
  created?: boolean;
}

export interface SmsSendAnswer {
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

export interface District {
  code: string;
  name: string;
  nameEn: string;
  center: [number, number];
}

export interface City {
  code: string;
  name: string;
  nameEn: string;
  timeZone: string;
  center: [number, number];
  districts: District[];
}

export interface CatalogItem {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  /** zh-CN only. */
  description: string;
  unit: string;
  referenceMinFen: number;
  referenceMaxFen: number;
  durationMinutes: number;
  requiredCertificate: string | null;
  published: boolean;
}

export interface CatalogCategory {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  icon: string;
  items: CatalogItem[];
}

export interface Address {
  id: string;
  label: string;
  contactName: string;
  contactPhoneMasked: string;
  districtCode: string;
  districtName: string;
  detail: string;
  lat: number;
  lng: number;
  isDefault: boolean;
  createdAt: string;
}

export interface AddressInput {
  label: string;
  contactName: string;
  contactPhone?: string;
  districtCode: string;
  detail: string;
  lat?: number;
  lng?: number;
  isDefault?: boolean;
}

export interface EmergencyContact {
  name: string;
  phoneMasked: string;
  relation: string;
}

export interface Session {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

// ---- admin console ----

export type AdminRole = 'super_admin' | 'operations' | 'finance' | 'support';

export type Permission =
  | 'overview:read'
  | 'users:read'
  | 'workers:read'
  | 'workers:review'
  | 'workers:pii'
  | 'catalog:read'
  | 'catalog:write'
  | 'orders:read'
  | 'orders:write'
  | 'orders:book'
  | 'finance:read'
  | 'finance:write'
  | 'promotions:read'
  | 'promotions:write'
  | 'support:answer'
  | 'outbox:read'
  | 'audit:read'
  | 'admins:manage';

export interface Admin {
  id: string;
  username: string;
  name: string;
  roles: AdminRole[];
  permissions: Permission[];
}

export interface AdminRow {
  id: string;
  username: string;
  name: string;
  roles: AdminRole[];
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Overview {
  customers: number;
  workers: number;
  categories: number;
  items: number;
  signInsToday: number;
  smsToday: number;
}

export interface AdminUserRow {
  id: string;
  name: string;
  roles: UserRole[];
  phoneMasked: string | null;
  email: string | null;
  createdAt: string;
  deletedAt: string | null;
}

export type WorkerStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'removed';

export interface AdminWorkerRow {
  id: string;
  name: string;
  gender: Gender;
  status: WorkerStatus;
  suspendedUntil: string | null;
  online: boolean;
  districtName: string | null;
  skills: string[];
  ratingAvg: number | null;
  ratingCount: number;
  ordersDone: number;
  experienceYears: number;
}

export type OutboxChannel = 'sms' | 'email';

export interface OutboxMessage {
  id: string;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  body: string;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  detail: unknown;
  createdAt: string;
}
