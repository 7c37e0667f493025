// SOS incidents as the operations desk reads them (docs/api-messaging.md, "SOS (一键求助)").

export type IncidentStatus = 'open' | 'acknowledged' | 'resolved';

/** One row of GET /api/admin/incidents?status= (newest first, at most 200 per call). */
export interface DeskIncident {
  id: string;
  incidentNo: string;
  /** Who pressed SOS: a customer or a worker (师傅). */
  role: 'customer' | 'worker';
  orderId: string | null;
  location: { lat: number; lng: number } | null;
  note: string;
  status: IncidentStatus;
  /** The admin's name. */
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  createdAt: string;
  userName: string | null;
  /** Masked, e.g. 139****0001. */
  userPhone: string | null;
}

/** `31.18860, 121.43650` (the precision the SMS and the notification use). */
export function formatLocation(location: DeskIncident['location']): string | null {
  return location ? `${location.lat.toFixed(5)}, ${location.lng.toFixed(5)}` : null;
}
