// Worker onboarding, review and search objects (see docs/api-workers.md). Dates `YYYY-MM-DD`, times ISO UTC.
import type { Messages } from './i18n';

export const CERTIFICATE_KINDS = ['housekeeping', 'maternity', 'infant_care', 'elder_care', 'electrician', 'health', 'locksmith_record', 'other'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** Labels of the certificate kinds, for pickers and badges (the API also sends `label` on certificates). */
export const certificateMessages: Messages = {
  'certKind.housekeeping': ['家政服务员证', 'Housekeeping certificate'],
  'certKind.maternity': ['母婴护理师证', 'Maternity nurse certificate'],
  'certKind.infant_care': ['育婴员证', 'Infant carer certificate'],
  'certKind.elder_care': ['养老护理员证', 'Elderly carer certificate'],
  'certKind.electrician': ['电工证', 'Electrician licence'],
  'certKind.health': ['健康证', 'Health certificate'],
  'certKind.locksmith_record': ['开锁备案', 'Locksmith police record'],
  'certKind.other': ['其他证书', 'Other certificate'],
};

export type ApplicationStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'removed';
export type MissingPart = 'identity' | 'skills' | 'location' | 'hours' | 'profile';
export type WorkerType = 'individual' | 'team';
export type PenaltyKind = 'warning' | 'suspension' | 'removal';

export interface Skill {
  code: string;
  name: string;
  nameEn: string;
}

export interface WorkerCertificate {
  id: string;
  kind: CertificateKind;
  label: { zh: string; en: string };
  number: string;
  expiresAt: string | null;
  status: 'pending' | 'verified' | 'rejected';
  /** The reviewer's reason when rejected. */
  reviewNote: string;
  fileUrl: string;
  daysLeft: number | null;
  expiringSoon: boolean;
  expired: boolean;
}

export interface HoursRange {
  /** 0 = Sunday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface Schedule {
  hours: HoursRange[];
  daysOff: string[];
  maxMinutesPerDay: number;
  minBreakMinutes: number;
}

export interface PortfolioPhoto {
  id: string;
  url: string;
  caption: string;
  stage: 'before' | 'after';
}

export interface Penalty {
  id: string;
  kind: PenaltyKind;
  reason: string;
  days: number | null;
  startsAt: string;
  endsAt: string | null;
  appealText: string | null;
  appealOutcome: 'upheld' | 'revoked' | null;
  appealNote: string | null;
  revoked: boolean;
  canAppeal: boolean;
}

export interface WorkerProfile {
  workerType: WorkerType;
  displayName: string;
  experienceYears: number;
  previousEmployers: string[];
  intro: string;
  districtCode: string | null;
  homeLat: number | null;
  homeLng: number | null;
  serviceRadiusKm: number | null;
  rate: WorkerRate | null;
  team: WorkerTeam | null;
  skills: Skill[];
}

/** The worker's team (团队): leaders see the invite code and the members; members only the team and its leader. */
export interface WorkerTeam {
  id: string;
  name: string;
  role: 'leader' | 'member';
  /** Masked, e.g. 王师傅. */
  leaderName: string;
  /** 6 characters; only for the leader. */
  inviteCode: string | null;
  /** The leader plus the members. */
  size: number;
  /** Only for the leader; empty for a member. */
  members: TeamMember[];
}

export interface TeamMember {
  id: string;
  displayName: string;
  status: ApplicationStatus;
}

export interface Application {
  status: ApplicationStatus;
  suspendedUntil: string | null;
  online: boolean;
  missing: MissingPart[];
  reviewNote: string;
  lastDecision: { decision: string; reason: string; at: string } | null;
  profile: WorkerProfile;
  /** `verified`: the ID and face check passed. */
  identity: { realNameMasked: string; idNumberMasked: string; birthDate: string; consentAt: string; verified: boolean } | null;
  certificates: WorkerCertificate[];
  schedule: Schedule;
  portfolio: PortfolioPhoto[];
  penalties: Penalty[];
}

export interface UploadedFile {
  fileId: string;
  contentType: string;
  url: string;
}

// ---- console ----

export interface ReviewRow {
  workerId: string;
  displayName: string;
  workerType: WorkerType;
  experienceYears: number;
  districtName: string | null;
  phoneMasked: string | null;
  submittedAt: string | null;
}

export interface WorkerFile extends Application {
  workerId: string;
  pii: { realName: string; idNumber: string; checkResult: unknown; frontUrl: string; backUrl: string; selfieUrl: string } | null;
  decisions: { decision: string; reason: string; adminName: string; at: string }[];
}

// ---- customer ----

export interface WorkerRate { fen: number; unit: 'hour' | 'day' | 'month' }

export interface WorkerCard {
  id: string;
  name: string;
  gender: string;
  avatarUrl: string | null;
  experienceYears: number;
  ratingAvg: number;
  ratingCount: number;
  ordersDone: number;
  districtCode: string | null;
  distanceKm: number | null;
  skills: string[];
  certificates: CertificateKind[];
  rate: WorkerRate | null;
}

export interface PublicWorker {
  id: string;
  name: string;
  gender: string;
  avatarUrl: string | null;
  workerType: WorkerType;
  intro: string;
  experienceYears: number;
  districtCode: string | null;
  serviceRadiusKm: number | null;
  ratingAvg: number;
  ratingCount: number;
  ordersDone: number;
  verified: boolean;
  favourite: boolean;
  rate: WorkerRate | null;
  ratingBreakdown: { stars: number; count: number }[];
  skills: Skill[];
  certificates: { kind: CertificateKind; label: { zh: string; en: string }; verified: boolean }[];
  portfolio: { url: string; caption: string; stage: 'before' | 'after' }[];
  nextFreeTimes: string[];
}

/** A worker as a line in a list: who, and how well rated. */
export interface WorkerBrief {
  id: string;
  name: string;
  avatarUrl: string | null;
  ratingAvg: number;
  ratingCount: number;
  ordersDone: number;
}

export interface FavouriteWorker extends WorkerBrief {
  available: boolean;
}

/** `09:30` from minutes after local midnight. */
export function minuteText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
