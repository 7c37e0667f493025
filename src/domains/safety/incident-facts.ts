/** Safety's answers for the claims domain above it: the SOS incidents raised about an order. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

export interface OrderIncidentFact { id: string; incidentNo: string; role: 'customer' | 'worker'; status: string; note: string; createdAt: Date }

/** Incidents recorded against an order, oldest first. */
export async function incidentsOfOrder(db: Kysely<DB>, orderId: string): Promise<OrderIncidentFact[]> {
  const rows = await db.selectFrom('incidents').select(['id', 'incident_no', 'role', 'status', 'note', 'created_at']).where('order_id', '=', orderId).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, incidentNo: r.incident_no, role: r.role as 'customer' | 'worker', status: r.status, note: r.note, createdAt: r.created_at }));
}
