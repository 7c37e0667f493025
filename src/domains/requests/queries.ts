import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { RequestAnswersTable, ServiceRequestsTable } from '../../db/types-requests.js';

type Db = Kysely<DB>;
export type RequestRow = Selectable<ServiceRequestsTable>;
export type AnswerRow = Selectable<RequestAnswersTable>;

export const findRequest = (db: Db, id: string) => db.selectFrom('service_requests').selectAll().where('id', '=', id).executeTakeFirst();

/** The request, locked for the rest of the transaction (every change of one request is serialised on its row). */
export const lockRequest = (db: Db, id: string) => db.selectFrom('service_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const answersOf = (db: Db, requestId: string) =>
  db.selectFrom('request_answers').selectAll().where('request_id', '=', requestId).orderBy('total_fen').orderBy('created_at').execute();

export const answerOf = (db: Db, requestId: string, workerId: string) =>
  db.selectFrom('request_answers').selectAll().where('request_id', '=', requestId).where('worker_id', '=', workerId).executeTakeFirst();

export const invitationsOf = (db: Db, requestId: string) =>
  db.selectFrom('request_invitations').selectAll().where('request_id', '=', requestId).orderBy('round').orderBy('score', 'desc').execute();

export const invitationOf = (db: Db, requestId: string, workerId: string) =>
  db.selectFrom('request_invitations').selectAll().where('request_id', '=', requestId).where('worker_id', '=', workerId).executeTakeFirst();

export async function countAnswers(db: Db, requestId: string): Promise<number> {
  const r = await db.selectFrom('request_answers').select((eb) => eb.fn.countAll<number>().as('n')).where('request_id', '=', requestId).where('status', 'in', ['open', 'chosen']).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countInvitations(db: Db, requestIds: string[]): Promise<Map<string, number>> {
  if (!requestIds.length) return new Map();
  const rows = await db.selectFrom('request_invitations').select(['request_id', (eb) => eb.fn.countAll<number>().as('n')]).where('request_id', 'in', requestIds).groupBy('request_id').execute();
  return new Map(rows.map((r) => [r.request_id, Number(r.n)]));
}

/** Answers received per request (all but withdrawn ones: a chosen request still shows what it got). */
export async function countReceivedAnswers(db: Db, requestIds: string[]): Promise<Map<string, number>> {
  if (!requestIds.length) return new Map();
  const rows = await db.selectFrom('request_answers').select(['request_id', (eb) => eb.fn.countAll<number>().as('n')]).where('request_id', 'in', requestIds).where('status', '!=', 'withdrawn').groupBy('request_id').execute();
  return new Map(rows.map((r) => [r.request_id, Number(r.n)]));
}
