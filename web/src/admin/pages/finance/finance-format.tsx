import { Tag } from 'antd';
import type { Translate } from '../../../shared/i18n';

/** The label of `key`, or `raw` when the catalogue has none (a kind the console does not know yet). */
export function labelOr(t: Translate, key: string, raw: string): string {
  const text = t(key);
  return text === key ? raw : text;
}

/** `worker_pending:0190…` → 师傅待结算 · 0190…; `platform_fees` → 平台费用. */
export function accountLabel(t: Translate, code: string): string {
  const [kind = code, owner] = code.split(':');
  const name = labelOr(t, `fin.acct.${kind}`, kind);
  return owner ? `${name} · ${owner.length > 12 ? `${owner.slice(0, 8)}…` : owner}` : name;
}

const STATUS_COLORS: Record<string, string> = {
  paid: 'green', succeeded: 'green', pending: 'default', processing: 'blue', failed: 'red', closed: 'default',
  pending_review: 'orange', paying: 'blue', rejected: 'default', requested: 'orange', issued: 'green',
};

/** A payment, refund or withdrawal status as a coloured tag. */
export function StatusTag({ t, status, prefix, testId }: { t: Translate; status: string; prefix: string; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {labelOr(t, `${prefix}.${status}`, status)}
    </Tag>
  );
}

