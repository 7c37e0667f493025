// SOS incidents as the operations desk reads them (docs/api-messaging.md, "SOS (一键求助)").

import type { Incident } from '../../../shared/messaging-types';

export type { IncidentStatus } from '../../../shared/messaging-types';

/** One row of GET /api/admin/incidents?status= (newest first, at most 200 per call). */
export interface DeskIncident extends Incident {
  note: string;
  userName: string | null;
  /** Masked, e.g. 139****0001. */
  userPhone: string | null;
}

/** `31.18860, 121.43650` (the precision the SMS and the notification use). */
export function formatLocation(location: DeskIncident['location']): string | null {
  return location ? `${location.lat.toFixed(5)}, ${location.lng.toFixed(5)}` : null;
}
