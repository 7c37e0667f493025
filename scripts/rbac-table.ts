/**
 * Renders the admin role × permission table from src/platform/rbac.ts into docs/api-foundation.md, between
 * `<!-- rbac:begin -->` and `<!-- rbac:end -->`. Run `npm run docs:rbac` after changing rbac.ts;
 * src/platform/rbac-docs.test.ts fails while the docs and the code differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_ROLES, PERMISSIONS, permissionsOf, type Permission } from '../src/platform/rbac.js';

export const DOC_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'api-foundation.md');
export const BEGIN = '<!-- rbac:begin (generated from src/platform/rbac.ts by `npm run docs:rbac`; do not edit by hand) -->';
export const END = '<!-- rbac:end -->';

/** What each permission opens; a Record so that a new permission without a line here fails the typecheck. */
const OPENS: Record<Permission, string> = {
  'overview:read': '概览: counts of customers, workers, categories, items, sign-ins and SMS today',
  'users:read': 'user search',
  'workers:read': 'worker list, review queue, worker files (PII masked), expiring certificates',
  'catalog:read': 'the catalogue, time rules and change history in the console',
  'catalog:write': 'edit categories, items, photos, city prices, the city multiplier and time rules',
  'workers:review': 'approve / reject applications and certificates, penalties, appeal decisions',
  'workers:pii': "a worker's real name, ID number and ID photos (each view audited)",
  'outbox:read': 'SMS / e-mail outbox of the local providers',
  'audit:read': 'audit log',
  'admins:manage': 'console accounts and their roles',
  'orders:read': 'orders, reschedule requests, dispatch queue / rounds / settings, booking settings, order chats and photos, SOS incidents',
  'orders:address': 'an order\'s street address and contact name (without it: the district only — minimum necessary)',
  'orders:write': 'assign, cancel, dispute, arbitrate, force; reschedule decisions; booking and dispatch settings; candidates; day plans; SOS acknowledge / resolve',
  'orders:book': '代客下单 and the free times it books from',
  'finance:read': 'finance summary, trial balance, journal, payments, refunds, withdrawals, invoices, money settings',
  'finance:write': 'approve / reject / retry withdrawals, refunds, reconciliation, invoice decisions, money settings',
  'promotions:read': 'coupon campaigns, service-card products, cards sold',
  'promotions:write': 'create / stop / grant campaigns, create / publish service-card products',
  'support:answer': 'the support ticket desk',
};

/** The markdown table: one row per permission, one column per role. */
export function renderRbacTable(): string {
  const header = `| permission | ${ADMIN_ROLES.join(' | ')} | opens |`;
  const rule = `|---|${ADMIN_ROLES.map(() => ':-:').join('|')}|---|`;
  const rows = PERMISSIONS.map((p) =>
    `| \`${p}\` | ${ADMIN_ROLES.map((role) => (permissionsOf([role]).includes(p) ? '✓' : '')).join(' | ')} | ${OPENS[p]} |`);
  return [header, rule, ...rows].join('\n');
}

/** The text between the markers in `doc` (trimmed), or null when the markers are missing. */
export function tableInDoc(doc: string): string | null {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) return null;
  return doc.slice(begin + BEGIN.length, end).trim();
}

export function writeRbacTable(path = DOC_PATH): boolean {
  const doc = readFileSync(path, 'utf8');
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${path}: markers ${BEGIN} … ${END} not found`);
  const next = `${doc.slice(0, begin + BEGIN.length)}\n${renderRbacTable()}\n${doc.slice(end)}`;
  if (next === doc) return false;
  writeFileSync(path, next);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(writeRbacTable() ? `updated ${DOC_PATH}` : `${DOC_PATH} already up to date`);
}
