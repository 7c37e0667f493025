/**
 * 投诉: a customer complains about the worker of an order, a worker about the customer, quality control about a
 * worker. Ops claim or assign it (owner), reply (first response → 处理中), resolve with a written outcome and an
 * optional penalty for the worker, reject, or hand it to after-sales (转售后: the order's dispute, whose arbitration
 * moves the money). The SLA deadlines come from the city's settings when it is filed; an overdue one is escalated
 * to admins once per breach. The accused party learns of a complaint (its category, never the complainant's text)
 * when ops first act on it, and both parties get the outcome.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/types.js';
import type { ComplaintCategory, ComplaintSource, ComplaintsTable, ComplaintStatus } from '../../db/types-complaints.js';
import type { AppContext } from '../../platform/app-context.js';
import { writeAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { userNames } from '../accounts/index.js';
import { adminIdsWith, loadAdminPrincipals } from '../admin/index.js';
import { disputeOrder, eventsOf, findOrder, snapshotItem, type OrderRow } from '../booking/index.js';
import { cityTimeZone } from '../geo/index.js';
import { notify } from '../messaging/index.js';
import { insertPenalty } from '../workers/index.js';
import { breachesAt, CATEGORY_LABELS, isOpen, OPEN_STATUSES, slaDeadlines, slaState, STATUS_LABELS } from './rules.js';
import { complaintSettings } from './settings.js';

type Db = Kysely<DB>;
type Row = Selectable<ComplaintsTable>;
export interface AdminActor { id: string; name: string; ip: string }
export const EVIDENCE_PURPOSE = 'complaint_evidence';
export const MAX_EVIDENCE = 9;
export const DESCRIPTION_MAX = 1000;
export const OUTCOME_MAX = 500;
const DAY = 86_400_000;
/** Who may work complaints (the console's 投诉 page) and who is told of new and overdue ones. */
export const COMPLAINT_PERMISSION = 'support:answer' as const;

const inTrx = <T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
const field = (name: string, code: string, zh: string, en: string) => new AppError('VALIDATION_FAILED', {}, [{ field: name, code, message: { zh, en } }]);

function checkText(value: string, name: string, max: number): string {
  const text = value.trim();
  if (!text) throw field(name, 'required', '请填写内容', 'must not be empty');
  if (text.length > max) throw field(name, 'maxLength', `不能超过 ${max} 个字`, `must be at most ${max} characters`);
  return text;
}

async function assertOwnEvidence(db: Db, ownerId: string, ids: string[]) {
  if (ids.length > MAX_EVIDENCE) throw field('evidenceFileIds', 'maxItems', `最多上传 ${MAX_EVIDENCE} 个凭证`, `at most ${MAX_EVIDENCE} files`);
  if (new Set(ids).size !== ids.length) throw field('evidenceFileIds', 'uniqueItems', '凭证重复', 'files must not repeat');
  if (!ids.length) return;
  const rows = await db.selectFrom('files').select('id').where('id', 'in', ids).where('owner_kind', '=', 'user').where('owner_id', '=', ownerId).where('purpose', '=', EVIDENCE_PURPOSE).execute();
  if (rows.length !== ids.length) {
    throw new AppError('FILE_NOT_OWNED', {}, [{ field: 'evidenceFileIds', code: 'not_owned', message: { zh: '凭证须是您本人为投诉上传的文件', en: 'evidence must be files you uploaded for a complaint' } }]);
  }
}

async function localTime(db: Db, cityCode: string, at: Date): Promise<string> {
  const timeZone = await cityTimeZone(db, cityCode);
  return new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
}

async function addEvent(db: Db, complaintId: string, e: { action: string; actorKind: 'customer' | 'worker' | 'admin' | 'system'; actorId?: string | null; actorName?: string; note?: string; visibleToFiler?: boolean; detail?: Record<string, unknown>; at: Date }) {
  await db.insertInto('complaint_events').values({
    complaint_id: complaintId, action: e.action, actor_kind: e.actorKind, actor_id: e.actorId ?? null, actor_name: e.actorName ?? '', note: e.note ?? '',
    visible_to_filer: e.visibleToFiler ?? false, detail: JSON.stringify(e.detail ?? {}), at: e.at,
  }).execute();
}

const audienceOf = (kind: 'customer' | 'worker') => kind;
const filerKind = (c: Row): 'customer' | 'worker' | null => (c.source === 'qa' ? null : c.source);
/** A party's shown name: the account's, else (workers) the name the order keeps of its worker. */
function partyName(names: Map<string, { name: string }>, uid: string, o: OrderRow | undefined): string {
  const own = names.get(uid)?.name;
  if (own) return own;
  const snap = o?.worker_snapshot as { id?: string; name?: string } | null | undefined;
  return o && uid === o.worker_id ? snap?.name ?? '' : '';
}

export interface OpenComplaintInput {
  orderId: string;
  /** 'customer' about the order's worker, 'worker' about the order's customer, 'qa' (quality control) about the worker. */
  source: ComplaintSource;
  /** The filing customer or worker; null for 'qa'. */
  filedBy: string | null;
  category: ComplaintCategory;
  description: string;
  evidenceFileIds?: string[];
  now?: Date;
}

/**
 * Files a complaint about an order: checks the filer's access to the order, that there is someone to complain
 * about, the filing window, the text and the evidence; stores the SLA deadlines; tells the filer and the admins
 * (a 'qa' complaint is the platform acting, so the worker is told at once). Runs in the caller's transaction
 * when given one (quality control), else in its own.
 */
export async function openComplaint(db: Db, input: OpenComplaintInput): Promise<{ id: string; status: ComplaintStatus }> {
  const now = input.now ?? new Date();
  const o = await findOrder(db, input.orderId);
  if (!o) throw new AppError('NOT_FOUND');
  if (input.source === 'customer' && o.customer_id !== input.filedBy) throw new AppError('NOT_FOUND');
  if (input.source === 'worker' && (!input.filedBy || o.worker_id !== input.filedBy)) throw new AppError('NOT_FOUND');
  if (input.source === 'qa' && input.filedBy) throw field('filedBy', 'qa', '质检投诉没有投诉人', 'quality complaints have no filer');
  if (!o.worker_id) throw new AppError('COMPLAINT_NO_WORKER');
  const settings = await complaintSettings(db, o.city_code);
  const since = o.completed_at ?? o.scheduled_start;
  if (now.getTime() > since.getTime() + settings.windowDays * DAY) {
    throw new AppError('COMPLAINT_NOT_ALLOWED', { reason: `已超过投诉期限 ${settings.windowDays} 天`, reasonEn: `the ${settings.windowDays}-day complaint window has closed` });
  }
  if (!(input.category in CATEGORY_LABELS)) throw field('category', 'enum', '请选择投诉类型', 'unknown category');
  const description = checkText(input.description, 'description', DESCRIPTION_MAX);
  const evidence = input.evidenceFileIds ?? [];
  if (input.filedBy) await assertOwnEvidence(db, input.filedBy, evidence);
  else if (evidence.length) throw field('evidenceFileIds', 'qa', '质检投诉不带凭证文件', 'quality complaints carry no files');
  const against = input.source === 'worker' ? { kind: 'customer' as const, id: o.customer_id } : { kind: 'worker' as const, id: o.worker_id };
  const due = slaDeadlines(input.category, now, settings);

  return inTrx(db, async (trx) => {
    const row = await trx.insertInto('complaints').values({
      order_id: o.id, city_code: o.city_code, source: input.source, filed_by: input.filedBy, against_kind: against.kind, against_id: against.id,
      category: input.category, description, evidence_file_ids: evidence, first_response_due: due.firstResponseDue, resolution_due: due.resolutionDue,
      against_notified_at: input.source === 'qa' ? now : null, created_at: now, updated_at: now,
    }).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
    if (!row) throw new AppError('COMPLAINT_EXISTS');
    const actorKind = input.source === 'qa' ? 'system' as const : input.source;
    await addEvent(trx, row.id, { action: 'filed', actorKind, actorId: input.filedBy, actorName: input.source === 'qa' ? '质检' : '', note: '', visibleToFiler: true, detail: { category: row.category }, at: now });
    const vars = { orderNo: o.order_no, category: row.category };
    if (input.filedBy && input.source !== 'qa') {
      const hours = String(Math.round((due.firstResponseDue.getTime() - now.getTime()) / 3_600_000));
      await notify(trx, { type: 'complaint_received', to: { userId: input.filedBy, audience: input.source }, vars: { ...vars, hours }, linkId: o.id, dedupeKey: `complaint:${row.id}:filed`, now });
    }
    if (input.source === 'qa') await notify(trx, { type: 'complaint_against', to: { userId: against.id, audience: 'worker' }, vars, linkId: o.id, dedupeKey: `complaint:${row.id}:against`, now });
    const party = input.source === 'qa' ? 'platform' as const : input.source;
    await notify(trx, { type: 'complaint_new', to: { adminsWith: COMPLAINT_PERMISSION }, vars: { ...vars, party }, linkId: o.id, dedupeKey: `complaint:${row.id}:new`, now });
    await writeAudit(trx, { actorKind: input.filedBy ? 'user' : 'system', actorId: input.filedBy, action: 'complaint.filed', targetType: 'complaint', targetId: row.id, detail: { orderId: o.id, source: input.source, category: row.category } });
    return { id: row.id, status: row.status };
  });
}

/** Tells the accused party once, with the category only, the first time ops act on a complaint. */
async function tellAccusedOnce(trx: Db, c: Row, o: OrderRow, now: Date) {
  if (c.against_notified_at) return;
  await trx.updateTable('complaints').set({ against_notified_at: now }).where('id', '=', c.id).execute();
  await notify(trx, { type: 'complaint_against', to: { userId: c.against_id, audience: audienceOf(c.against_kind) }, vars: { orderNo: o.order_no, category: c.category }, linkId: o.id, dedupeKey: `complaint:${c.id}:against`, now });
}

async function lockedOpen(trx: Db, id: string): Promise<Row> {
  const c = await trx.selectFrom('complaints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  if (!isOpen(c.status)) throw new AppError('COMPLAINT_CLOSED', { status: STATUS_LABELS[c.status].zh });
  return c;
}

async function orderOf(db: Db, c: Row): Promise<OrderRow> {
  const o = await findOrder(db, c.order_id);
  if (!o) throw new AppError('NOT_FOUND');
  return o;
}

const audit = (db: Db, admin: AdminActor, action: string, id: string, detail: Record<string, unknown> = {}) =>
  writeAudit(db, { actorKind: 'admin', actorId: admin.id, actorName: admin.name, action: `complaint.${action}`, targetType: 'complaint', targetId: id, ip: admin.ip, detail });

/** 认领: the admin becomes the owner. */
export async function claimComplaint(ctx: AppContext, admin: AdminActor, id: string, now = new Date()) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockedOpen(trx, id);
    await trx.updateTable('complaints').set({ owner_admin_id: admin.id, owner_name: admin.name, updated_at: now }).where('id', '=', id).execute();
    await addEvent(trx, id, { action: 'claimed', actorKind: 'admin', actorId: admin.id, actorName: admin.name, detail: { previousOwner: c.owner_name }, at: now });
    await audit(trx, admin, 'claimed', id, { previousOwner: c.owner_admin_id });
  });
  return adminComplaint(ctx, id);
}

/** Admins who may own complaints (the assignee picker). */
export async function complaintAssignees(ctx: AppContext) {
  const rows = await loadAdminPrincipals(ctx, await adminIdsWith(ctx.db, COMPLAINT_PERMISSION));
  return { items: rows.map((r) => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')) };
}

/** 指派: another admin (one who may work complaints) becomes the owner; they are told. */
export async function assignComplaint(ctx: AppContext, admin: AdminActor, id: string, adminId: string, now = new Date()) {
  const allowed = await adminIdsWith(ctx.db, COMPLAINT_PERMISSION);
  if (!allowed.includes(adminId)) throw field('adminId', 'not_allowed', '只能指派给有投诉处理权限的管理员', 'must be an admin who may handle complaints');
  const [target] = await loadAdminPrincipals(ctx, [adminId]);
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockedOpen(trx, id);
    await trx.updateTable('complaints').set({ owner_admin_id: adminId, owner_name: target!.name, updated_at: now }).where('id', '=', id).execute();
    await addEvent(trx, id, { action: 'assigned', actorKind: 'admin', actorId: admin.id, actorName: admin.name, note: target!.name, detail: { to: adminId, previousOwner: c.owner_name }, at: now });
    await audit(trx, admin, 'assigned', id, { to: adminId, previousOwner: c.owner_admin_id });
  });
  return adminComplaint(ctx, id);
}

/** 回复/处理: a reply the complainant sees; the first one is the first response (→ 处理中). The accused is told now. */
export async function replyToComplaint(ctx: AppContext, admin: AdminActor, id: string, message: string, now = new Date()) {
  const text = checkText(message, 'message', OUTCOME_MAX);
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockedOpen(trx, id);
    const o = await orderOf(trx, c);
    await trx.updateTable('complaints').set({
      status: 'in_progress', first_response_at: c.first_response_at ?? now, owner_admin_id: c.owner_admin_id ?? admin.id, owner_name: c.owner_name ?? admin.name, updated_at: now,
    }).where('id', '=', id).execute();
    await addEvent(trx, id, { action: 'replied', actorKind: 'admin', actorId: admin.id, actorName: admin.name, note: text, visibleToFiler: true, at: now });
    if (c.filed_by && c.source !== 'qa') {
      await notify(trx, { type: 'complaint_reply', to: { userId: c.filed_by, audience: c.source }, vars: { orderNo: o.order_no, message: text }, linkId: o.id, now });
    }
    await tellAccusedOnce(trx, c, o, now);
    await audit(trx, admin, 'replied', id, { message: text });
  });
  return adminComplaint(ctx, id);
}

export interface PenaltyChoice { kind: 'warning' | 'suspension' | 'removal'; days?: number }

/**
 * 已解决 / 已驳回 with a written outcome both parties are told; resolving may penalise the worker complained about
 * (through workers' penalty flow, in the same transaction; the penalty id is kept on the complaint).
 */
export async function closeComplaint(ctx: AppContext, admin: AdminActor, id: string, input: { decision: 'resolved' | 'rejected'; outcome: string; penalty?: PenaltyChoice }, now = new Date()) {
  const outcome = checkText(input.outcome, 'outcome', OUTCOME_MAX);
  if (input.penalty && input.decision !== 'resolved') throw field('penalty', 'not_allowed', '驳回的投诉不能处罚', 'a rejected complaint penalises no one');
  if (input.penalty?.kind === 'suspension' && !(Number.isInteger(input.penalty.days) && input.penalty.days! >= 1 && input.penalty.days! <= 365)) {
    throw field('penalty.days', 'required', '停单需填写 1–365 天', 'a suspension needs 1–365 days');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockedOpen(trx, id);
    if (input.penalty && c.against_kind !== 'worker') throw field('penalty', 'not_allowed', '只有针对师傅的投诉可以处罚', 'only complaints about a worker can penalise');
    const o = await orderOf(trx, c);
    let penaltyId: string | null = null;
    if (input.penalty) {
      const label = CATEGORY_LABELS[c.category].zh;
      const p = await insertPenalty(trx, admin, c.against_id, { kind: input.penalty.kind, reason: `投诉（${label}，订单 ${o.order_no}）：${outcome}`, ...(input.penalty.kind === 'suspension' ? { days: input.penalty.days } : {}) });
      penaltyId = p.id;
    }
    await trx.updateTable('complaints').set({
      status: input.decision, outcome, penalty_id: penaltyId, penalty_kind: input.penalty?.kind ?? null, closed_by: admin.id, closed_at: now,
      first_response_at: c.first_response_at ?? now, owner_admin_id: c.owner_admin_id ?? admin.id, owner_name: c.owner_name ?? admin.name, updated_at: now,
    }).where('id', '=', id).execute();
    await addEvent(trx, id, { action: input.decision, actorKind: 'admin', actorId: admin.id, actorName: admin.name, note: outcome, visibleToFiler: true, detail: { penalty: input.penalty ?? null, penaltyId }, at: now });
    const vars = { decision: input.decision, orderNo: o.order_no, category: c.category, outcome };
    if (c.filed_by && c.source !== 'qa') await notify(trx, { type: 'complaint_outcome', to: { userId: c.filed_by, audience: c.source }, vars, linkId: o.id, dedupeKey: `complaint:${id}:outcome`, now });
    // The accused hears of it now at the latest, and the outcome either way.
    await trx.updateTable('complaints').set({ against_notified_at: c.against_notified_at ?? now }).where('id', '=', id).execute();
    await notify(trx, { type: 'complaint_outcome', to: { userId: c.against_id, audience: audienceOf(c.against_kind) }, vars, linkId: o.id, dedupeKey: `complaint:${id}:outcome`, now });
    await audit(trx, admin, input.decision, id, { outcome, penalty: input.penalty ?? null, penaltyId });
  });
  return adminComplaint(ctx, id);
}

/**
 * 转售后: the money question goes to the order's dispute (booking's 介入), whose arbitration refunds in full or in
 * part; the complaint links to it and shows the ruling. An order already disputed is linked as it is.
 */
export async function complaintToAfterSales(ctx: AppContext, admin: AdminActor, id: string, reason: string, now = new Date()) {
  const text = checkText(reason, 'reason', OUTCOME_MAX);
  const c0 = await ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c0) throw new AppError('NOT_FOUND');
  if (!isOpen(c0.status)) throw new AppError('COMPLAINT_CLOSED', { status: STATUS_LABELS[c0.status].zh });
  if (c0.after_sales_at) throw new AppError('COMPLAINT_NOT_ALLOWED', { reason: '已转售后', reasonEn: 'already handed to after-sales' });
  const o0 = await orderOf(ctx.db, c0);
  // The dispute's own transition checks (state, after-sales window) decide; it is opened before the link is written.
  if (o0.status !== 'disputed') await disputeOrder(ctx, admin, o0.id, `投诉转售后：${text}`);
  await ctx.db.transaction().execute(async (trx) => {
    const c = await lockedOpen(trx, id);
    if (c.after_sales_at) throw new AppError('COMPLAINT_NOT_ALLOWED', { reason: '已转售后', reasonEn: 'already handed to after-sales' });
    const o = await orderOf(trx, c);
    await trx.updateTable('complaints').set({
      after_sales_at: now, status: 'in_progress', first_response_at: c.first_response_at ?? now, owner_admin_id: c.owner_admin_id ?? admin.id, owner_name: c.owner_name ?? admin.name, updated_at: now,
    }).where('id', '=', id).execute();
    await addEvent(trx, id, { action: 'after_sales', actorKind: 'admin', actorId: admin.id, actorName: admin.name, note: text, visibleToFiler: true, detail: { orderStatusBefore: o0.status }, at: now });
    await tellAccusedOnce(trx, c, o, now);
    await audit(trx, admin, 'after_sales', id, { orderId: o.id, reason: text });
  });
  return adminComplaint(ctx, id);
}

// ── Presentation ───────────────────────────────────────────────────────────────────────────

async function afterSalesOf(db: Db, c: Row) {
  if (!c.after_sales_at) return null;
  const [o, events] = await Promise.all([findOrder(db, c.order_id), eventsOf(db, c.order_id)]);
  const ruling = [...events].reverse().find((e) => e.action === 'arbitrate');
  const detail = (ruling?.detail ?? {}) as { outcome?: string; refundFen?: number };
  return {
    openedAt: c.after_sales_at.toISOString(), orderStatus: o?.status ?? null,
    arbitration: ruling ? { at: ruling.at.toISOString(), outcome: detail.outcome ?? null, refundFen: Number(detail.refundFen ?? 0), reason: ruling.note } : null,
  };
}

function label<T extends string>(labels: Record<T, { zh: string; en: string }>, v: T) { return labels[v]; }

function summary(c: Row, o: OrderRow | undefined, now: Date) {
  const sla = slaState({ status: c.status, firstResponseAt: c.first_response_at, firstResponseDue: c.first_response_due, resolutionDue: c.resolution_due, closedAt: c.closed_at }, now);
  return {
    id: c.id, orderId: c.order_id, orderNo: o?.order_no ?? '', itemName: o ? snapshotItem(o).name : '', source: c.source,
    category: c.category, categoryLabel: label(CATEGORY_LABELS, c.category), status: c.status, statusLabel: label(STATUS_LABELS, c.status),
    outcome: c.outcome, createdAt: c.created_at.toISOString(), closedAt: c.closed_at?.toISOString() ?? null,
    sla: { ...sla, due: sla.due?.toISOString() ?? null }, firstResponseDue: c.first_response_due.toISOString(), resolutionDue: c.resolution_due.toISOString(),
    firstResponseAt: c.first_response_at?.toISOString() ?? null,
  };
}

async function ordersOf(db: Db, rows: Row[]) {
  const ids = [...new Set(rows.map((r) => r.order_id))];
  const orders = await Promise.all(ids.map((id) => findOrder(db, id)));
  return new Map(orders.filter((o): o is OrderRow => !!o).map((o) => [o.id, o]));
}

export interface AdminComplaintFilter { status?: ComplaintStatus | 'open'; category?: ComplaintCategory; overdue?: boolean; mine?: string; orderId?: string; offset: number; limit: number }

/** The console list: open ones first by the nearest deadline, with the SLA state. */
export async function listComplaints(ctx: AppContext, f: AdminComplaintFilter, now = new Date()) {
  let q = ctx.db.selectFrom('complaints');
  if (f.status === 'open') q = q.where('status', 'in', [...OPEN_STATUSES]);
  else if (f.status) q = q.where('status', '=', f.status);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.mine) q = q.where('owner_admin_id', '=', f.mine);
  if (f.orderId) q = q.where('order_id', '=', f.orderId);
  if (f.overdue) {
    q = q.where('status', 'in', [...OPEN_STATUSES]).where((eb) => eb.or([
      eb('resolution_due', '<', now), eb.and([eb('first_response_at', 'is', null), eb('first_response_due', '<', now)]),
    ]));
  }
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy((eb) => eb.case().when('status', 'in', [...OPEN_STATUSES]).then(0).else(1).end()).orderBy('resolution_due').orderBy('created_at', 'desc')
      .offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const [orders, names] = await Promise.all([ordersOf(ctx.db, rows), userNames(ctx.db, rows.flatMap((r) => [r.filed_by ?? '', r.against_id]))]);
  return {
    total: Number(total.n),
    items: rows.map((c) => ({
      ...summary(c, orders.get(c.order_id), now),
      filer: { kind: filerKind(c) ?? 'qa', name: c.filed_by ? partyName(names, c.filed_by, orders.get(c.order_id)) : '质检' },
      against: { kind: c.against_kind, id: c.against_id, name: partyName(names, c.against_id, orders.get(c.order_id)) },
      owner: c.owner_admin_id ? { id: c.owner_admin_id, name: c.owner_name ?? '' } : null,
      escalated: { response: c.response_escalated_at?.toISOString() ?? null, resolution: c.resolution_escalated_at?.toISOString() ?? null },
      evidenceCount: c.evidence_file_ids.length,
    })),
  };
}

/** The console's detail: everything, with evidence, parties, the timeline and the after-sales ruling. */
export async function adminComplaint(ctx: AppContext, id: string, now = new Date()) {
  const c = await ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('NOT_FOUND');
  const [o, names, files, events, afterSales] = await Promise.all([
    findOrder(ctx.db, c.order_id), userNames(ctx.db, [c.filed_by ?? '', c.against_id]),
    c.evidence_file_ids.length ? ctx.db.selectFrom('files').select(['id', 'content_type']).where('id', 'in', c.evidence_file_ids).execute() : Promise.resolve([]),
    ctx.db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', id).orderBy('id').execute(),
    afterSalesOf(ctx.db, c),
  ]);
  const type = new Map(files.map((f) => [f.id, f.content_type]));
  const party = (uid: string | null) => (uid ? { id: uid, name: partyName(names, uid, o), phoneMasked: names.get(uid)?.phoneMasked ?? null } : null);
  return {
    ...summary(c, o, now), description: c.description, cityCode: c.city_code,
    evidence: c.evidence_file_ids.map((f) => ({ id: f, url: `/api/admin/complaints/${c.id}/evidence/${f}`, contentType: type.get(f) ?? null })),
    filer: { kind: filerKind(c) ?? 'qa', ...(party(c.filed_by) ?? { id: null, name: '质检', phoneMasked: null }) },
    against: { kind: c.against_kind, ...party(c.against_id)! },
    owner: c.owner_admin_id ? { id: c.owner_admin_id, name: c.owner_name ?? '' } : null,
    escalated: { response: c.response_escalated_at?.toISOString() ?? null, resolution: c.resolution_escalated_at?.toISOString() ?? null },
    againstNotifiedAt: c.against_notified_at?.toISOString() ?? null,
    penalty: c.penalty_id ? { id: c.penalty_id, kind: c.penalty_kind } : null,
    afterSales, orderStatus: o?.status ?? null, priceFen: o?.price_fen ?? null, paidFen: o?.paid_fen ?? null,
    timeline: events.map((e) => ({ at: e.at.toISOString(), action: e.action, actorKind: e.actor_kind, actorName: e.actor_name, note: e.note, visibleToFiler: e.visible_to_filer, detail: e.detail })),
  };
}

/** An evidence file of a complaint, for the console (the files stay private to their uploader elsewhere). */
export async function complaintEvidenceFile(ctx: AppContext, id: string, fileId: string) {
  const c = await ctx.db.selectFrom('complaints').select('evidence_file_ids').where('id', '=', id).executeTakeFirst();
  if (!c || !c.evidence_file_ids.includes(fileId)) throw new AppError('NOT_FOUND');
  const f = await ctx.db.selectFrom('files').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!f) throw new AppError('NOT_FOUND');
  return f;
}

/**
 * My complaints: the ones I filed (full: my text, evidence, the replies, the outcome and an after-sales ruling), or
 * those about me (`role=against`) once ops acted — category, state and outcome, never the complainant's text.
 */
export async function myComplaints(ctx: AppContext, userId: string, role: 'filed' | 'against', p: { offset: number; limit: number }, now = new Date()) {
  let q = ctx.db.selectFrom('complaints');
  q = role === 'filed' ? q.where('filed_by', '=', userId) : q.where('against_id', '=', userId).where('against_notified_at', 'is not', null);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').offset(p.offset).limit(p.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const orders = await ordersOf(ctx.db, rows);
  return {
    total: Number(total.n),
    items: rows.map((c) => {
      const s = summary(c, orders.get(c.order_id), now);
      return { id: s.id, orderId: s.orderId, orderNo: s.orderNo, itemName: s.itemName, category: s.category, categoryLabel: s.categoryLabel, status: s.status, statusLabel: s.statusLabel,
        outcome: s.outcome, createdAt: s.createdAt, closedAt: s.closedAt, role, description: role === 'filed' ? c.description : null };
    }),
  };
}

/** One complaint of mine (filed by me, or about me once ops acted). */
export async function myComplaint(ctx: AppContext, userId: string, id: string, now = new Date()) {
  const c = await ctx.db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  const filer = c?.filed_by === userId;
  const accused = c?.against_id === userId && !!c.against_notified_at;
  if (!c || (!filer && !accused)) throw new AppError('NOT_FOUND');
  const [o, events, afterSales] = await Promise.all([
    findOrder(ctx.db, c.order_id),
    ctx.db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', id).where('visible_to_filer', '=', true).orderBy('id').execute(),
    afterSalesOf(ctx.db, c),
  ]);
  const s = summary(c, o, now);
  const closing = new Set(['resolved', 'rejected']);
  return {
    id: s.id, orderId: s.orderId, orderNo: s.orderNo, itemName: s.itemName, category: s.category, categoryLabel: s.categoryLabel, status: s.status, statusLabel: s.statusLabel,
    outcome: s.outcome, createdAt: s.createdAt, closedAt: s.closedAt, role: filer ? 'filed' as const : 'against' as const,
    description: filer ? c.description : null,
    evidenceUrls: filer ? c.evidence_file_ids.map((f) => `/api/files/${f}`) : [],
    firstResponseDue: filer ? s.firstResponseDue : null,
    afterSales: afterSales ? { openedAt: afterSales.openedAt, arbitration: afterSales.arbitration ? { at: afterSales.arbitration.at, outcome: afterSales.arbitration.outcome, refundFen: afterSales.arbitration.refundFen } : null } : null,
    // The accused sees the outcome, not the conversation with the complainant.
    timeline: events.filter((e) => filer || closing.has(e.action)).map((e) => ({ at: e.at.toISOString(), action: e.action, actorKind: e.actor_kind, note: e.action === 'filed' && !filer ? '' : e.note })),
  };
}

/** My complaints about an order (the order page's 投诉 section): whether I may file one now. */
export async function myComplaintsOnOrder(ctx: AppContext, userId: string, orderId: string, role: 'customer' | 'worker', now = new Date()) {
  const o = await findOrder(ctx.db, orderId);
  if (!o || (role === 'customer' ? o.customer_id : o.worker_id) !== userId) throw new AppError('NOT_FOUND');
  const rows = await ctx.db.selectFrom('complaints').selectAll().where('order_id', '=', orderId).where('filed_by', '=', userId).orderBy('created_at', 'desc').execute();
  const settings = await complaintSettings(ctx.db, o.city_code);
  const since = o.completed_at ?? o.scheduled_start;
  const open = rows.some((r) => isOpen(r.status));
  return {
    canFile: !!o.worker_id && !open && now.getTime() <= since.getTime() + settings.windowDays * DAY,
    reason: !o.worker_id ? 'no_worker' : open ? 'open_complaint' : now.getTime() > since.getTime() + settings.windowDays * DAY ? 'window_closed' : null,
    items: rows.map((c) => {
      const s = summary(c, o, now);
      return { id: s.id, category: s.category, categoryLabel: s.categoryLabel, status: s.status, statusLabel: s.statusLabel, outcome: s.outcome, createdAt: s.createdAt };
    }),
  };
}

// ── For other domains ─────────────────────────────────────────────────────────────────────

/** Complaints about each worker (reputation): all of them, the upheld (已解决) ones and those still open. */
export async function complaintCounts(db: Db, workerIds: string[]): Promise<Map<string, { total: number; upheld: number; open: number }>> {
  const out = new Map<string, { total: number; upheld: number; open: number }>();
  for (const id of workerIds) out.set(id, { total: 0, upheld: 0, open: 0 });
  if (!workerIds.length) return out;
  const rows = await db.selectFrom('complaints').select((eb) => [
    'against_id', eb.fn.countAll<number>().as('total'),
    eb.fn.count<number>(eb.case().when('status', '=', 'resolved').then(1).end()).as('upheld'),
    eb.fn.count<number>(eb.case().when('status', 'in', [...OPEN_STATUSES]).then(1).end()).as('open'),
  ]).where('against_kind', '=', 'worker').where('against_id', 'in', workerIds).groupBy('against_id').execute();
  for (const r of rows) out.set(r.against_id, { total: Number(r.total), upheld: Number(r.upheld), open: Number(r.open) });
  return out;
}

/**
 * Complaints about a worker filed since `since`, one row each, for reputation figures: `open` (待处理 / 处理中),
 * `upheld` (已解决) or `dismissed` (已驳回).
 */
export async function complaintRowsAbout(db: Db, workerId: string, since: Date): Promise<{ orderId: string; status: 'open' | 'upheld' | 'dismissed' }[]> {
  const rows = await db.selectFrom('complaints').select(['order_id', 'status']).where('against_kind', '=', 'worker').where('against_id', '=', workerId)
    .where('created_at', '>=', since).orderBy('created_at').execute();
  return rows.map((r) => ({ orderId: r.order_id, status: r.status === 'resolved' ? 'upheld' as const : r.status === 'rejected' ? 'dismissed' as const : 'open' as const }));
}

// ── SLA sweep ─────────────────────────────────────────────────────────────────────────────

/**
 * The periodic sweep: each open complaint past a deadline (first response, resolution) is escalated once per
 * breach — recorded on the complaint and its timeline, and sent to every admin who may handle complaints.
 */
export async function escalateOverdueComplaints(db: Db, now = new Date()): Promise<number> {
  const candidates = await db.selectFrom('complaints').selectAll().where('status', 'in', [...OPEN_STATUSES]).where((eb) => eb.or([
    eb.and([eb('first_response_at', 'is', null), eb('response_escalated_at', 'is', null), eb('first_response_due', '<', now)]),
    eb.and([eb('resolution_escalated_at', 'is', null), eb('resolution_due', '<', now)]),
  ])).orderBy('resolution_due').limit(200).execute();
  let sent = 0;
  for (const c of candidates) {
    const stages = breachesAt({ status: c.status, firstResponseAt: c.first_response_at, firstResponseDue: c.first_response_due, resolutionDue: c.resolution_due, closedAt: c.closed_at, responseEscalatedAt: c.response_escalated_at, resolutionEscalatedAt: c.resolution_escalated_at }, now);
    for (const stage of stages) {
      await db.transaction().execute(async (trx) => {
        const column = stage === 'response' ? 'response_escalated_at' as const : 'resolution_escalated_at' as const;
        const claimed = await trx.updateTable('complaints').set({ [column]: now }).where('id', '=', c.id).where(column, 'is', null).where('status', 'in', [...OPEN_STATUSES]).returning('id').executeTakeFirst();
        if (!claimed) return; // another instance escalated it, or it was closed meanwhile
        const o = await findOrder(trx, c.order_id);
        const due = stage === 'response' ? c.first_response_due : c.resolution_due;
        await addEvent(trx, c.id, { action: 'escalated', actorKind: 'system', actorName: '系统', note: stage, detail: { stage, due: due.toISOString() }, at: now });
        await notify(trx, { type: 'complaint_overdue', to: { adminsWith: COMPLAINT_PERMISSION }, vars: { stage, orderNo: o?.order_no ?? '', category: c.category, due: await localTime(trx, c.city_code, due) }, linkId: c.order_id, dedupeKey: `complaint:${c.id}:overdue:${stage}`, now });
        sent += 1;
      });
    }
  }
  return sent;
}
