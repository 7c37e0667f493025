import { Alert, Form, InputNumber, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { CategoryWithItems } from '../../../shared/catalog-types';
import { localName, useI18n } from '../../../shared/i18n';
import type { PlanValues, SettingsValues } from './settings-form';

const MODES = ['off', 'optional', 'mandatory'] as const;
/** ¥100 000: the most an order's cover may be (MAX_COVER_FEN on the server). */
const MAX_COVER_YUAN = 100_000;
const MAX_PREMIUM_YUAN = 1_000;

interface Row {
  key: string;
  /** ['insurance', 'default'] or ['insurance', 'byCategory', code]. */
  path: string[];
  label: string;
}

/** 意外险: the default plan and one row per category (its own plan or 使用默认): mode, premium and cover in yuan. */
export function InsuranceTable({ categories, problems }: { categories: CategoryWithItems[]; problems: string[] }) {
  const { t, lang } = useI18n();
  const form = Form.useFormInstance<SettingsValues>();
  const byCategory = (Form.useWatch(['insurance', 'byCategory'], form) ?? form.getFieldValue(['insurance', 'byCategory']) ?? {}) as Record<string, PlanValues>;
  const names = new Map(categories.map((c) => [c.code, `${c.icon} ${localName(lang, c)}`]));
  const rows: Row[] = [
    { key: 'default', path: ['insurance', 'default'], label: t('fin.set.insDefault') },
    ...Object.keys(byCategory).map((code) => ({ key: code, path: ['insurance', 'byCategory', code], label: names.get(code) ?? `${code}${t('fin.set.insUnpublished')}` })),
  ];

  const columns: TableColumnsType<Row> = [
    { title: t('fin.set.insCategory'), dataIndex: 'label', width: 200, render: (label: string, row) => (row.key === 'default' ? <Typography.Text strong>{label}</Typography.Text> : label) },
    {
      title: t('fin.set.insMode'),
      key: 'mode',
      width: 160,
      render: (_v, row) => (
        <Form.Item name={[...row.path, 'mode']} noStyle>
          <Select
            style={{ width: 140 }}
            data-testid={`ins-mode-${row.key}`}
            options={[...(row.key === 'default' ? [] : (['inherit'] as const)), ...MODES].map((mode) => ({ value: mode, label: t(`fin.set.insMode.${mode}`) }))}
          />
        </Form.Item>
      ),
    },
    { title: t('fin.set.insPremium'), key: 'premium', render: (_v, row) => <MoneyCell row={row} field="premiumYuan" max={MAX_PREMIUM_YUAN} /> },
    { title: t('fin.set.insCover'), key: 'cover', render: (_v, row) => <MoneyCell row={row} field="coverYuan" max={MAX_COVER_YUAN} /> },
  ];

  return (
    <>
      {problems.length > 0 && <Alert type="error" showIcon className="a-toolbar" title={problems.join('；')} data-testid="insurance-problems" />}
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={rows}
        data-testid="insurance-table"
        onRow={(row) => ({ 'data-category': row.key }) as HTMLAttributes<HTMLElement>}
      />
    </>
  );
}

/** Premium or cover of one plan: off with the plan when it is not offered (or follows the default); an offered plan needs a premium. */
function MoneyCell({ row, field, max }: { row: Row; field: 'premiumYuan' | 'coverYuan'; max: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<SettingsValues>();
  const mode = Form.useWatch([...row.path, 'mode'], form) as PlanValues['mode'] | undefined;
  const offered = mode === 'optional' || mode === 'mandatory';
  return (
    <Form.Item
      name={[...row.path, field]}
      style={{ marginBottom: 0 }}
      dependencies={[[...row.path, 'mode']]}
      rules={[
        { required: true, message: t('fin.set.insAmountRequired') },
        ...(field === 'premiumYuan' && offered ? [{ type: 'number' as const, min: 0.01, message: t('fin.set.insPremiumRequired') }] : []),
      ]}
    >
      <InputNumber id={`ins-${field === 'premiumYuan' ? 'premium' : 'cover'}-${row.key}`} min={0} max={max} precision={2} prefix="¥" disabled={!offered} style={{ width: 160 }} />
    </Form.Item>
  );
}
