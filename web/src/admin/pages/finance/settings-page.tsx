import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorText, fieldName } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormSubmit } from '../../../shared/use-form-submit';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import type { CategoryWithItems } from '../../../shared/catalog-types';
import type { FinanceSettings } from './finance-types';
import { InsuranceTable } from './insurance-table';
import { describeDefault, FIELD_OF, toBody, toValues, type SettingsValues } from './settings-form';

const NUMBERS: [keyof SettingsValues, min: number, precision: number][] = [
  ['feePercent', 0, 2],
  ['minFeeYuan', 0, 2],
  ['minAmountYuan', 0, 2],
  ['dailyLimitYuan', 0, 2],
  ['reviewAboveYuan', 0, 2],
  ['maxAttempts', 1, 0],
];

/** 结算设置: T+N, the withdrawal rules, the commission rules (JSON) and the accident insurance per category; validated by the server, errors under the fields. */
export function FinanceSettingsPage() {
  const { t } = useI18n();
  const loaded = useLoad((signal) => api<FinanceSettings>('/api/admin/finance/settings', { signal }), []);
  // The published categories name the insurance rows; without them the rows show the codes that have plans.
  const categories = useLoad((signal) => api<CategoryWithItems[]>('/api/catalog/categories', { signal }).catch((error: unknown) => {
    if (signal.aborted) throw error;
    return [];
  }), []);
  if (loaded.error !== undefined && !loaded.data) {
    return <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />;
  }
  if (!loaded.data || !categories.data) return <Skeleton active />;
  return <SettingsForm settings={loaded.data} categories={categories.data} onSaved={() => loaded.reload(true)} />;
}

function SettingsForm({ settings, categories, onSaved }: { settings: FinanceSettings; categories: CategoryWithItems[]; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const [form] = Form.useForm<SettingsValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const [insuranceProblems, setInsuranceProblems] = useState<string[]>([]);
  const readOnly = !can('finance:write');

  /** Errors of fields with a form item go under it; the others (e.g. the withdrawal rules as a whole) into the alert. */
  const claim = (error: unknown) => {
    if (!(error instanceof ApiError) || error.errors.length === 0) return false;
    const mapped = error.errors.map((e) => ({ field: fieldName(e.field), name: FIELD_OF[fieldName(e.field)], message: e.message }));
    form.setFields(mapped.filter((e) => e.name).map((e) => ({ name: e.name!, errors: [e.message] })));
    setProblems(mapped.filter((e) => !e.name && e.field !== 'insurance').map((e) => e.message));
    setInsuranceProblems(mapped.filter((e) => e.field === 'insurance').map((e) => e.message));
    return true;
  };
  const { submitting, submit } = useFormSubmit<SettingsValues>(form, [], async (values) => {
    setProblems([]);
    setInsuranceProblems([]);
    let body: FinanceSettings;
    try {
      body = toBody(values);
    } catch {
      form.setFields([{ name: 'commissionRules', errors: [t('fin.set.jsonInvalid')] }]);
      return;
    }
    await api<FinanceSettings>('/api/admin/finance/settings', { method: 'PUT', body });
    message.success(t('fin.set.saved'));
    onSaved();
  }, (text) => message.error(text), claim);

  return (
    <Form<SettingsValues> form={form} layout="vertical" requiredMark={false} initialValues={toValues(settings, categories.map((c) => c.code))} onFinish={submit} disabled={readOnly} data-testid="finance-settings">
      <Typography.Paragraph type="secondary">{t('fin.set.intro')}</Typography.Paragraph>
      {readOnly && <Alert type="info" showIcon title={t('fin.readOnly')} className="a-toolbar" />}
      {problems.length > 0 && <Alert type="error" showIcon className="a-toolbar" title={problems.join('；')} data-testid="finance-settings-problems" />}
      <Card size="small" title={t('fin.set.settlement')} className="a-block">
        <Form.Item name="settlementDelayDays" label={t('fin.set.settlementDelayDays')} rules={[{ required: true }]}>
          <InputNumber id="fin-settlementDelayDays" min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('fin.set.withdrawal')} className="a-block">
        <Row gutter={16}>
          {NUMBERS.map(([name, min, precision]) => (
            <Col span={8} key={name}>
              <Form.Item name={name} label={t(`fin.set.${name}`)} rules={[{ required: true }]}>
                <InputNumber id={`fin-${name}`} min={min} precision={precision} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('fin.set.commission')} className="a-block">
        <Typography.Paragraph type="secondary" className="a-small">{t('fin.set.commissionHint')}</Typography.Paragraph>
        <Typography.Paragraph data-testid="fin-default-rule">{t('fin.set.defaultRule', { text: describeDefault(settings.commissionRules, lang) })}</Typography.Paragraph>
        <Form.Item name="commissionRules" rules={[{ required: true }]}>
          <Input.TextArea id="fin-commissionRules" rows={12} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('fin.set.insurance')} className="a-block" data-testid="finance-insurance">
        <Typography.Paragraph type="secondary" className="a-small">{t('fin.set.insuranceHint')}</Typography.Paragraph>
        <InsuranceTable categories={categories} problems={insuranceProblems} />
      </Card>
      {!readOnly && (
        <Space>
          <Button onClick={() => form.resetFields()}>{t('fin.set.reset')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="finance-settings-save">
            {t('common.save')}
          </Button>
        </Space>
      )}
    </Form>
  );
}
