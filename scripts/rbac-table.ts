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
  'overview:read': 'console overview (counts, orders and money of the day)',
  'users:read': 'user search',
  'workers:read': 'worker list and profiles (PII masked)',
  'catalog:read': 'service catalogue in the console',
  'catalog:write': 'edit categories, items, prices and city pricing',
  'workers:review': 'review worker applications and certificates, penalties',
  'workers:pii': 'see a worker\'s ID number and documents unmasked',
  'outbox:read': 'SMS / e-mail outbox of the local providers',
  'audit:read': 'audit log',
  'admins:manage': 'console accounts and their roles',
  'orders:read': 'orders, their events, disputes and the day plan',
  'orders:write': 'act on orders (cancel, reassign, arbitrate, dispatch settings, day plan)',
  'orders:book': '代客下单: book an order for a customer',
  'finance:read': 'ledger, settlements, withdrawals, invoices, payment settings',
  'finance:write': 'approve withdrawals, refunds and payment settings',
  'promotions:read': 'coupons, campaigns and service cards',
  'promotions:write': 'create and change coupons, campaigns and service cards',
  'support:answer': 'answer support tickets and order chats',
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
