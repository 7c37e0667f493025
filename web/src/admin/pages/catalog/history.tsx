import { Drawer, Tag, Typography, type TableColumnsType } from 'antd';
import type { AdminItem, CatalogChange } from '../../../shared/catalog-types';
import { formatDateTime } from '../../../shared/format';
import { localName, useI18n } from '../../../shared/i18n';
import { PagedTable } from '../../paged-table';
import { usePaged } from '../../use-paged';

const MAX_VALUE_LENGTH = 160;

function valueText(value: unknown): string {
  if (value === undefined) return '∅';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The keys whose value changed between `before` and `after`, as `key: old → new`. */
export function ChangeDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const old = asRecord(before);
  const next = asRecord(after);
  if (!old || !next) {
    return (
      <ul className="a-diff">
        {!old && <li className="a-diff-created">{t('history.created')}</li>}
        {next
          ? Object.entries(next).map(([key, value]) => (
              <li key={key}>
                <span className="a-diff-key">{key}</span>: <span className="a-diff-new">{valueText(value)}</span>
              </li>
            ))
          : <li>{valueText(before)} → {valueText(after)}</li>}
      </ul>
    );
  }
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((key) => JSON.stringify(old[key]) !== JSON.stringify(next[key]));
  return (
    <ul className="a-diff">
      {keys.map((key) => (
        <li key={key}>
          <span className="a-diff-key">{key}</span>: <span className="a-diff-old">{valueText(old[key])}</span> → <span className="a-diff-new">{valueText(next[key])}</span>
        </li>
      ))}
    </ul>
  );
}

function useChangeColumns(names?: Map<string, string>): TableColumnsType<CatalogChange> {
  const { t, lang } = useI18n();
  return [
    { title: t('history.time'), dataIndex: 'createdAt', width: 150, render: (value: string) => formatDateTime(value, lang) },
    { title: t('history.admin'), dataIndex: 'adminName', width: 110 },
    { title: t('history.action'), dataIndex: 'action', width: 140, render: (action: string) => <Tag color="blue">{action}</Tag> },
    ...(names
      ? [{ title: t('history.entity'), key: 'entity', width: 160, render: (_value: unknown, change: CatalogChange) => <Typography.Text>{names.get(change.entityId) ?? `${change.entityType} · ${change.entityId.slice(0, 8)}`}</Typography.Text> }]
      : []),
    { title: t('history.changes'), key: 'diff', render: (_value, change) => <ChangeDiff before={change.before} after={change.after} /> },
  ];
}

/** The change history of one item (`GET /api/admin/catalog/changes?entityId=`). */
export function HistoryDrawer({ item, onClose }: { item: AdminItem; onClose: () => void }) {
  const { t, lang } = useI18n();
  const paged = usePaged<CatalogChange>('/api/admin/catalog/changes', { entityId: item.id });
  const columns = useChangeColumns();
  return (
    <Drawer open size={900} title={t('history.title', { name: localName(lang, item) })} onClose={onClose} destroyOnHidden>
      <PagedTable paged={paged} columns={columns} testId="item-history" />
    </Drawer>
  );
}

/** Every catalogue change, newest first; `names` maps entity ids to item / category names. */
export function HistoryTab({ names }: { names: Map<string, string> }) {
  const paged = usePaged<CatalogChange>('/api/admin/catalog/changes', {});
  const columns = useChangeColumns(names);
  return <PagedTable paged={paged} columns={columns} testId="catalog-history" />;
}
