/** The console's view of complaints (`/api/admin/complaints`). */
export type ComplaintStatus = 'submitted' | 'in_progress' | 'resolved' | 'rejected';
export type ComplaintCategory = 'late' | 'attitude' | 'damage' | 'loss' | 'safety' | 'overcharge' | 'other';
export const CATEGORIES: ComplaintCategory[] = ['late', 'attitude', 'damage', 'loss', 'safety', 'overcharge', 'other'];
export const STATUSES: ComplaintStatus[] = ['submitted', 'in_progress', 'resolved', 'rejected'];
export const STATUS_COLORS: Record<ComplaintStatus, string> = { submitted: 'orange', in_progress: 'blue', resolved: 'green', rejected: 'default' };

export interface Sla { stage: 'response' | 'resolution' | null; due: string | null; msLeft: number | null; overdue: boolean; metResponse: boolean | null; metResolution: boolean | null }
export interface Party { kind: 'customer' | 'worker' | 'qa'; id?: string | null; name: string; phoneMasked?: string | null }

export interface ComplaintRow {
  id: string; orderId: string; orderNo: string; itemName: string; source: 'customer' | 'worker' | 'qa';
  category: ComplaintCategory; status: ComplaintStatus; outcome: string | null; createdAt: string; closedAt: string | null;
  sla: Sla; firstResponseDue: string; resolutionDue: string; firstResponseAt: string | null;
  filer: Party; against: Party; owner: { id: string; name: string } | null;
  escalated: { response: string | null; resolution: string | null }; evidenceCount?: number;
}

export interface ComplaintDetail extends ComplaintRow {
  description: string;
  evidence: { id: string; url: string; contentType: string | null }[];
  penalty: { id: string; kind: 'warning' | 'suspension' | 'removal' } | null;
  afterSales: { openedAt: string; orderStatus: string | null; arbitration: { at: string; outcome: string | null; refundFen: number; reason: string } | null } | null;
  orderStatus: string | null; priceFen: number | null; paidFen: number | null; againstNotifiedAt: string | null;
  timeline: { at: string; action: string; actorKind: string; actorName: string; note: string; visibleToFiler: boolean }[];
}

export interface ComplaintSettings { firstResponseHours: number; resolutionHours: number; safetyFirstResponseHours: number; safetyResolutionHours: number; windowDays: number }
