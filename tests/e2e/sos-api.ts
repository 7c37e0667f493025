// The HTTP side of the SOS journeys: a worker's emergency contact, raising SOS (一键求助), the desk's view of the
// incidents and the SMS the emergency contact gets (docs/api-messaging.md, "SOS (一键求助)").
import { adminCall, call } from './http';

export interface Incident {
  id: string;
  incidentNo: string;
  role: 'customer' | 'worker';
  orderId: string | null;
  location: { lat: number; lng: number } | null;
  note: string;
  status: 'open' | 'acknowledged' | 'resolved';
  acknowledgedBy: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  createdAt: string;
  repeated?: boolean;
}

export interface DeskIncident extends Incident {
  userName: string | null;
  userPhone: string | null;
}

/** 我的 → 紧急联系人 (PUT /api/me/emergency-contact). */
export function setEmergencyContact(baseUrl: string, token: string, contact: { name: string; phone: string; relation: string }): Promise<{ name: string; phoneMasked: string; relation: string }> {
  return call(baseUrl, token, 'PUT', '/api/me/emergency-contact', contact);
}

/** Presses SOS as `audience`; the answer is the new incident (201) or the one still open (200, `repeated`). */
export function raiseSos(baseUrl: string, token: string, audience: 'customer' | 'worker', body: { orderId?: string; lat?: number; lng?: number; note?: string }): Promise<Incident> {
  return call<Incident>(baseUrl, token, 'POST', `/api/sos?audience=${audience}`, body);
}

/** The person's own incidents, newest first. */
export async function myIncidents(baseUrl: string, token: string): Promise<Incident[]> {
  return (await call<{ items: Incident[] }>(baseUrl, token, 'GET', '/api/sos')).items;
}

/** The desk's list (as `username`, super by default). */
export async function deskIncidents(baseUrl: string, status: 'open' | 'acknowledged' | 'resolved', username = 'super'): Promise<DeskIncident[]> {
  return (await adminCall<{ items: DeskIncident[] }>(baseUrl, 'GET', `/api/admin/incidents?status=${status}`, undefined, username)).items;
}

/**
 * Resolves (as super) whatever incident of this person is still open or acknowledged, so that pressing SOS next
 * records a new incident instead of returning the earlier one (another journey may have left one behind).
 */
export async function resolveLeftovers(baseUrl: string, token: string): Promise<number> {
  const left = (await myIncidents(baseUrl, token)).filter((incident) => incident.status !== 'resolved');
  for (const incident of left) await adminCall(baseUrl, 'POST', `/api/admin/incidents/${incident.id}/resolve`, { resolution: '测试前清理：已处理' });
  return left.length;
}

export interface OutboxSms {
  recipient: string;
  body: string;
  createdAt: string;
}

/** The SMS sent to `phone` through the local provider (GET /api/admin/outbox), waiting up to 15 s for the first. */
export async function smsTo(baseUrl: string, phone: string): Promise<OutboxSms[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { items } = await adminCall<{ items: OutboxSms[] }>(baseUrl, 'GET', '/api/admin/outbox?channel=sms&pageSize=100');
    const mine = items.filter((item) => item.recipient === phone);
    if (mine.length || Date.now() > deadline) return mine;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
