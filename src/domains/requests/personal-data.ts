/** PIPL: what the requests domain holds about a person, for the data export and the account's erasure. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';

type Db = Kysely<DB>;

export async function exportRequests(db: Db, userId: string) {
  const [mine, answers] = await Promise.all([
    db.selectFrom('service_requests').selectAll().where('customer_id', '=', userId).orderBy('created_at').execute(),
    db.selectFrom('request_answers').selectAll().where('worker_id', '=', userId).orderBy('created_at').execute(),
  ]);
  return {
    requests: mine.map((r) => ({
      requestNo: r.request_no, status: r.status, itemCode: r.item_code, description: r.description, windows: r.windows, budgetMinFen: r.budget_min_fen,
      budgetMaxFen: r.budget_max_fen, specialNeeds: r.special_needs, notes: r.notes, addressLabel: r.address_label, createdAt: r.created_at.toISOString(),
    })),
    answers: answers.map((a) => ({ requestId: a.request_id, status: a.status, lines: a.lines, totalFen: a.total_fen, start: a.start_at.toISOString(), message: a.message, createdAt: a.created_at.toISOString() })),
  };
}

/**
 * Erasure: the person's drafts and unanswered requests go; those that became orders or were answered keep their row
 * (the order and the workers' quotes refer to it) without the text, photos or the sealed address. A worker's answers
 * lose their message.
 */
export async function eraseRequests(db: Db, userId: string) {
  const now = new Date();
  await db.deleteFrom('service_requests').where('customer_id', '=', userId).where('order_id', 'is', null)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('request_answers as a').select('a.id').whereRef('a.request_id', '=', 'service_requests.id')))).execute();
  await db.updateTable('service_requests').set({
    description: '', notes: '', photo_file_ids: [], address_enc: null, address_label: '', special_needs: [],
    status: 'cancelled', closed_reason: 'cancelled', closed_at: now, updated_at: now,
  }).where('customer_id', '=', userId).where('status', 'in', ['draft', 'open']).execute();
  await db.updateTable('service_requests').set({ description: '', notes: '', photo_file_ids: [], address_enc: null, address_label: '', updated_at: now })
    .where('customer_id', '=', userId).execute();
  await db.updateTable('request_answers').set({ message: '', updated_at: now }).where('worker_id', '=', userId).execute();
}
