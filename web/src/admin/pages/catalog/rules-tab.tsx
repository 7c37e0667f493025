import { App, Button, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import type { Adjustment, RuleKind, TimeRule } from '../../../shared/catalog-types';
import { pick } from '../../../shared/catalog-types';
import { fenToYuan, yuanToFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useFormModal } from '../../use-form-modal';
import { adjustmentLabel, ruleConfigText } from './catalog-format';

const KINDS: RuleKind[] = ['night', 'weekend', 'urgent', 'holiday'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

interface RuleForm {
  kind: RuleKind;
  labelZh: string;
  labelEn: string;
  from?: string;
  until?: string;
  days?: number[];
  withinHours?: number;
  dates?: string[];
  adjustmentType: 'fixed' | 'percent';
  amount: number;
  excludes?: string[];
  active: boolean;
}

function toForm(rule: TimeRule): RuleForm {
  return {
    kind: rule.kind, labelZh: rule.label.zh, labelEn: rule.label.en, from: rule.from, until: rule.until, days: rule.days, withinHours: rule.withinHours, dates: rule.dates,
    adjustmentType: rule.adjustment.type, amount: rule.adjustment.type === 'fixed' ? fenToYuan(rule.adjustment.fen) ?? 0 : rule.adjustment.bp / 100,
    excludes: rule.excludes ?? [], active: rule.active,
  };
}

/** The PUT / POST body of a rule (only the config fields of its kind). */
function ruleBody(form: RuleForm) {
  const config =
    form.kind === 'night' ? { from: form.from, until: form.until }
    : form.kind === 'weekend' ? { days: form.days ?? [] }
    : form.kind === 'urgent' ? { withinHours: form.withinHours }
    : { dates: form.dates ?? [] };
  const adjustment: Adjustment = form.adjustmentType === 'fixed' ? { type: 'fixed', fen: yuanToFen(form.amount) ?? 0 } : { type: 'percent', bp: Math.round(form.amount * 100) };
  return { kind: form.kind, labelZh: form.labelZh.trim(), labelEn: form.labelEn.trim(), config, adjustment, excludes: form.excludes ?? [], active: form.active };
}

function RuleModal({ rule, rules, onClose }: { rule?: TimeRule; rules: TimeRule[]; onClose: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleForm>();
  const kind = Form.useWatch('kind', form) ?? rule?.kind ?? 'night';
  const modalProps = useFormModal(form, ['labelZh', 'labelEn', 'from', 'until', 'days', 'withinHours', 'dates'], onClose, async (values) => {
    if (rule) await api(`/api/admin/catalog/rules/${rule.id}`, { method: 'PUT', body: ruleBody(values) });
    else await api('/api/admin/catalog/rules', { body: ruleBody(values) });
    message.success(t('common.saved'));
    onClose(true);
  });
  const required = (key: string) => [{ required: true, message: t('form.required', { field: t(key) }) }];
  const time = (key: string) => [...required(key), { pattern: TIME, message: t('rule.timeInvalid') }];
  const initial: RuleForm = rule ? toForm(rule) : { kind: 'night', labelZh: '', labelEn: '', from: '20:00', until: '08:00', days: [6, 0], withinHours: 3, dates: [], adjustmentType: 'percent', amount: 20, excludes: [], active: true };

  return (
    <Modal title={rule ? t('rule.editTitle') : t('rule.create')} width={640} {...modalProps}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={initial}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label={t('rule.kind')}>
              <Select id="rule-kind" options={KINDS.map((value) => ({ value, label: t(`rule.kind.${value}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="labelZh" label={t('rule.labelZh')} rules={required('rule.labelZh')}>
              <Input id="rule-label-zh" maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="labelEn" label={t('rule.labelEn')} rules={required('rule.labelEn')}>
              <Input id="rule-label-en" maxLength={60} />
            </Form.Item>
          </Col>
          {kind === 'night' && (
            <>
              <Col span={8}>
                <Form.Item name="from" label={t('rule.from')} rules={time('rule.from')}>
                  <Input id="rule-from" placeholder="20:00" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="until" label={t('rule.until')} rules={time('rule.until')}>
                  <Input id="rule-until" placeholder="08:00" />
                </Form.Item>
              </Col>
            </>
          )}
          {kind === 'weekend' && (
            <Col span={24}>
              <Form.Item name="days" label={t('rule.days')} rules={required('rule.days')}>
                <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 0].map((day) => ({ value: day, label: t(`weekday.${day}`) }))} />
              </Form.Item>
            </Col>
          )}
          {kind === 'urgent' && (
            <Col span={8}>
              <Form.Item name="withinHours" label={t('rule.withinHours')} rules={required('rule.withinHours')}>
                <InputNumber id="rule-within" min={0.5} max={72} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {kind === 'holiday' && (
            <Col span={24}>
              <Form.Item name="dates" label={t('rule.dates')} rules={[{ validator: async (_rule, value: string[] = []) => { if (value.some((date) => !/^\d{4}-\d{2}-\d{2}$/.test(date))) throw new Error('YYYY-MM-DD'); } }]}>
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} placeholder="2027-01-01" />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item label={t('rule.adjustment')} required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="adjustmentType" noStyle>
                  <Select style={{ width: 140 }} options={[{ value: 'percent', label: t('option.surcharge.percent') }, { value: 'fixed', label: t('option.surcharge.fixed') }]} />
                </Form.Item>
                <Form.Item name="amount" noStyle rules={required('rule.adjustment')}>
                  <InputNumber id="rule-amount" min={0} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="excludes" label={t('rule.excludes')}>
              <Select mode="multiple" allowClear options={rules.filter((other) => other.id !== rule?.id).map((other) => ({ value: other.id, label: pick(lang, other.label) }))} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="active" label={t('rule.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** Night / weekend / urgent / holiday surcharges of the city: list, create, edit, activate / deactivate. */
export function RulesTab({ canWrite }: { canWrite: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const loaded = useLoad((signal) => api<TimeRule[]>('/api/admin/catalog/rules', { signal }), []);
  const [dialog, setDialog] = useState<{ rule?: TimeRule } | null>(null);
  const rules = loaded.data ?? [];

  async function setActive(rule: TimeRule, active: boolean) {
    try {
      await api(`/api/admin/catalog/rules/${rule.id}`, { method: 'PUT', body: { ...ruleBody(toForm(rule)), active } });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    }
    loaded.reload();
  }

  const columns: TableColumnsType<TimeRule> = [
    { title: t('rule.kind'), dataIndex: 'kind', width: 90, render: (kind: RuleKind) => <Tag color="geekblue">{t(`rule.kind.${kind}`)}</Tag> },
    { title: t('rule.label'), key: 'label', render: (_value, rule) => pick(lang, rule.label) },
    { title: t('rule.config'), key: 'config', render: (_value, rule) => ruleConfigText(t, rule) },
    { title: t('rule.adjustment'), key: 'adjustment', render: (_value, rule) => adjustmentLabel(rule.adjustment) },
    { title: t('rule.excludes'), key: 'excludes', render: (_value, rule) => (rule.excludes ?? []).map((id) => { const other = rules.find((entry) => entry.id === id); return <Tag key={id}>{other ? pick(lang, other.label) : id.slice(0, 8)}</Tag>; }) },
    { title: t('rule.active'), key: 'active', render: (_value, rule) => <Switch size="small" checked={rule.active} disabled={!canWrite} onChange={(checked) => setActive(rule, checked)} data-testid={`rule-active-${rule.kind}`} /> },
    ...(canWrite ? [{ title: t('common.actions'), key: 'actions', render: (_value: unknown, rule: TimeRule) => <Button type="link" size="small" onClick={() => setDialog({ rule })}>{t('catalog.edit')}</Button> }] : []),
  ];

  return (
    <>
      {canWrite && (
        <div className="a-toolbar">
          <span className="a-toolbar-spacer" />
          <Button type="primary" onClick={() => setDialog({})} data-testid="rule-create">
            {t('rule.create')}
          </Button>
        </div>
      )}
      <Table<TimeRule> rowKey="id" data-testid="rules-table" loading={loaded.loading} columns={columns} dataSource={rules} pagination={false} />
      {dialog && (
        <RuleModal
          rule={dialog.rule}
          rules={rules}
          onClose={(changed) => {
            setDialog(null);
            if (changed) loaded.reload();
          }}
        />
      )}
    </>
  );
}
