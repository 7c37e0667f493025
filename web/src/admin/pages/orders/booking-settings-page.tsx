import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { api, errorText } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import type { BookingSettings } from '../../../shared/order-types';
import { useFormSubmit } from '../../../shared/use-form-submit';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import './orders.css';

/** The form works in percent where the API has basis points, and sorts the reminders and tiers. */
interface SettingsForm extends Omit<BookingSettings, 'cancelTiers' | 'workerShareBp' | 'reminderMinutes'> {
  reminderMinutes: (number | string)[];
  cancelTiers: { withinHours: number; feePercent: number }[];
  workerSharePercent: number;
}

function toForm(settings: BookingSettings): SettingsForm {
  const { cancelTiers, workerShareBp, ...rest } = settings;
  return { ...rest, cancelTiers: cancelTiers.map((tier) => ({ withinHours: tier.withinHours, feePercent: tier.feeBp / 100 })), workerSharePercent: workerShareBp / 100 };
}

function toSettings(form: SettingsForm): BookingSettings {
  const { cancelTiers, workerSharePercent, reminderMinutes, ...rest } = form;
  return {
    ...rest,
    reminderMinutes: [...new Set(reminderMinutes.map(Number))].sort((a, b) => b - a),
    cancelTiers: cancelTiers.map((tier) => ({ withinHours: tier.withinHours, feeBp: Math.round(tier.feePercent * 100) })).sort((a, b) => b.withinHours - a.withinHours),
    workerShareBp: Math.round(workerSharePercent * 100),
  };
}

type NumberKey = 'bufferMinutes' | 'unpaidCancelMinutes' | 'autoConfirmHours' | 'afterSalesHours' | 'reworkHours' | 'noShowGraceMinutes' | 'lateGraceMinutes' | 'checkInRadiusMeters' | 'freeCancelHours' | 'departWindowHours' | 'checkInMinutesBefore' | 'earlyFinishPercent' | 'disputeStatementHours';
const UNITS: Record<NumberKey, [unit: string, min: number, max: number]> = {
  bufferMinutes: ['settings.minutesUnit', 0, 240],
  unpaidCancelMinutes: ['settings.minutesUnit', 1, 1440],
  noShowGraceMinutes: ['settings.minutesUnit', 0, 600],
  lateGraceMinutes: ['settings.minutesUnit', 0, 600],
  checkInRadiusMeters: ['settings.metersUnit', 50, 20_000],
  departWindowHours: ['settings.hoursUnit', 1, 48],
  checkInMinutesBefore: ['settings.minutesUnit', 0, 240],
  earlyFinishPercent: ['settings.percentUnit', 0, 100],
  autoConfirmHours: ['settings.hoursUnit', 1, 720],
  afterSalesHours: ['settings.hoursUnit', 1, 2160],
  reworkHours: ['settings.hoursUnit', 0, 2160],
  disputeStatementHours: ['settings.hoursUnit', 1, 720],
  freeCancelHours: ['settings.hoursUnit', 0, 720],
};

function NumberField({ name, disabled }: { name: NumberKey; disabled: boolean }) {
  const { t } = useI18n();
  const [unit, min, max] = UNITS[name];
  const hintKey = `settings.${name}Hint`;
  const hint = t(hintKey);
  return (
    <Form.Item name={name} label={t(`settings.${name}`)} extra={hint === hintKey ? undefined : hint} rules={[{ required: true, message: t('settings.required') }]}>
      <InputNumber id={`settings-${name}`} min={min} max={max} precision={0} suffix={t(unit)} disabled={disabled} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** 预约设置 (`GET/PUT /api/admin/booking/settings`): timings, reminders, check-in radius and the cancellation policy. */
export function BookingSettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const readOnly = !can('orders:write');
  const [form] = Form.useForm<SettingsForm>();
  const loaded = useLoad((signal) => api<BookingSettings>('/api/admin/booking/settings', { signal }), []);
  const fields = [...Object.keys(UNITS), 'reminderMinutes', 'cancelTiers', 'workerShareBp'];
  const { submitting, submit } = useFormSubmit<SettingsForm>(form, fields, async (values) => {
    const saved = await api<BookingSettings>('/api/admin/booking/settings', { method: 'PUT', body: toSettings(values) });
    form.setFieldsValue(toForm(saved));
    message.success(t('common.saved'));
  }, (text) => message.error(text));

  useEffect(() => {
    if (loaded.data) form.setFieldsValue(toForm(loaded.data));
  }, [loaded.data, form]);

  if (loaded.error !== undefined && !loaded.data) {
    return <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(loaded.error, '')} action={<Button onClick={() => loaded.reload()}>{t('common.retry')}</Button>} />;
  }
  if (!loaded.data) return <Skeleton active />;

  const col = (name: NumberKey) => <Col span={8} key={name}><NumberField name={name} disabled={readOnly} /></Col>;
  return (
    <div className="a-settings" data-testid="booking-settings">
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      {readOnly && <Alert type="info" showIcon title={t('settings.readOnly')} className="a-toolbar" />}
      <Form<SettingsForm> form={form} layout="vertical" requiredMark={false} initialValues={toForm(loaded.data)} onFinish={submit} disabled={readOnly}>
        <Card size="small" title={t('settings.section.booking')}>
          <Row gutter={16}>
            {col('bufferMinutes')}
            {col('unpaidCancelMinutes')}
            <Col span={8}>
              <Form.Item
                name="reminderMinutes"
                label={t('settings.reminderMinutes')}
                extra={t('settings.reminderMinutesHint')}
                rules={[{ validator: (_rule, value: (number | string)[] | undefined) => ((value ?? []).length <= 5 && (value ?? []).every((entry) => /^\d+$/.test(String(entry)) && Number(entry) >= 5 && Number(entry) <= 2880) ? Promise.resolve() : Promise.reject(new Error(t('settings.reminderInvalid')))) }]}
              >
                <Select id="settings-reminderMinutes" mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('settings.section.visit')}>
          <Row gutter={16}>
            {col('lateGraceMinutes')}
            {col('noShowGraceMinutes')}
            {col('checkInRadiusMeters')}
          </Row>
          <Row gutter={16}>
            {col('departWindowHours')}
            {col('checkInMinutesBefore')}
            {col('earlyFinishPercent')}
          </Row>
        </Card>
        <Card size="small" title={t('settings.section.after')}>
          <Row gutter={16}>
            {col('autoConfirmHours')}
            {col('afterSalesHours')}
            {col('reworkHours')}
            {col('disputeStatementHours')}
          </Row>
        </Card>
        <Card size="small" title={t('settings.section.cancel')}>
          <Row gutter={16}>
            {col('freeCancelHours')}
            <Col span={8}>
              <Form.Item name="workerSharePercent" label={t('settings.workerShare')} rules={[{ required: true, message: t('settings.required') }]}>
                <InputNumber id="settings-workerShare" min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('settings.cancelTiers')} extra={t('settings.cancelTiersHint')}>
            <Form.List name="cancelTiers">
              {(tiers, { add, remove }) => (
                <Space orientation="vertical" data-testid="settings-tiers">
                  {tiers.map((tier) => (
                    <Space key={tier.key} align="baseline">
                      <Typography.Text>{t('settings.tierWithin')}</Typography.Text>
                      <Form.Item name={[tier.name, 'withinHours']} noStyle rules={[{ required: true, message: t('settings.required') }]}>
                        <InputNumber min={0} max={720} precision={0} suffix={t('settings.hoursUnit')} style={{ width: 130 }} />
                      </Form.Item>
                      <Typography.Text>{t('settings.tierFee')}</Typography.Text>
                      <Form.Item name={[tier.name, 'feePercent']} noStyle rules={[{ required: true, message: t('settings.required') }]}>
                        <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 130 }} />
                      </Form.Item>
                      {!readOnly && <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(tier.name)} aria-label={t('settings.removeTier')} />}
                    </Space>
                  ))}
                  {!readOnly && tiers.length < 6 && (
                    <Button icon={<PlusOutlined />} onClick={() => add({ withinHours: 2, feePercent: 50 })} data-testid="settings-add-tier">
                      {t('settings.addTier')}
                    </Button>
                  )}
                </Space>
              )}
            </Form.List>
          </Form.Item>
        </Card>
        {!readOnly && (
          <Space className="a-book-actions">
            <Button onClick={() => form.setFieldsValue(toForm(loaded.data!))}>{t('settings.reset')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="settings-save">
              {t('common.save')}
            </Button>
          </Space>
        )}
      </Form>
    </div>
  );
}
