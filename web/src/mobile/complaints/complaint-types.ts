export type ComplaintCategory = 'late' | 'attitude' | 'damage' | 'loss' | 'safety' | 'overcharge' | 'other';
export type ComplaintStatus = 'submitted' | 'in_progress' | 'resolved' | 'rejected';
export const CATEGORIES: ComplaintCategory[] = ['late', 'attitude', 'damage', 'loss', 'safety', 'overcharge', 'other'];
export const STATUS_COLORS: Record<ComplaintStatus, 'warning' | 'primary' | 'success' | 'default'> = { submitted: 'warning', in_progress: 'primary', resolved: 'success', rejected: 'default' };

export interface OrderComplaints {
  canFile: boolean;
  reason: 'no_worker' | 'open_complaint' | 'window_closed' | null;
  items: { id: string; category: ComplaintCategory; status: ComplaintStatus; outcome: string | null; createdAt: string }[];
}

export interface MyComplaint {
  id: string; orderId: string; orderNo: string; itemName: string; category: ComplaintCategory; status: ComplaintStatus;
  outcome: string | null; createdAt: string; closedAt: string | null; role: 'filed' | 'against'; description: string | null;
}

export interface MyComplaintDetail extends MyComplaint {
  evidenceUrls: string[];
  firstResponseDue: string | null;
  afterSales: { openedAt: string; arbitration: { at: string; outcome: string | null; refundFen: number } | null } | null;
  timeline: { at: string; action: string; actorKind: string; note: string }[];
}
