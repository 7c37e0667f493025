import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../shared/api';
import { addDays, cityDate } from '../../../shared/city-days';
import { formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { mappedFieldErrors } from '../../field-errors';
import { useFormModal } from '../../use-form-modal';
import { CAMPAIGN_FIELD_OF, campaignBody, zheOf, type CampaignValues } from './campaign-form';
import type { Campaign, CampaignKind } from './promotion-types';
import { useCatalogItems } from './use-catalog-items';

const KINDS: CampaignKind[] = ['spend_threshold', 'percent_off', 'new_customer'];

/** 新建活动: the rule fields of the chosen kind; the server's field errors (e.g. a threshold not above the amount off) show under the fields. */
export function CampaignFormModal({ onClose }: { onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CampaignValues>();
  const kind = Form.useWatch('kind', form) ?? 'spend_threshold';
  const catalog = useCatalogItems();
  const props = useFormModal(
    form,
    [],
    onClose,
    async (values) => {
      const created = await api<Campaign>('/api/admin/coupon-campaigns', { body: campaignBody(values) });
      message.success(t('promo.campaign.created', { name: created.name }));
      onClose(true);
    },
    mappedFieldErrors(form, CAMPAIGN_FIELD_OF),
  );
  const today = cityDate(new Date());
  const money = (name: keyof CampaignValues, id: string, required: boolean, extra?: string) => (
    <Form.Item name={name} label={t(`promo.campaign.${name}`)} extra={extra} rules={required ? [{ required: true, message: t('promo.required', { field: t(`promo.campaign.${name}`) }) }] : []}>
      <InputNumber id={id} min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Modal title={t('promo.campaign.create')} width={720} {...props} okButtonProps={{ id: 'campaign-save' }}>
      <Form<CampaignValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'spend_threshold', window: [dayjs(today), dayjs(addDays(today, 30))], perCustomer: 1, claimable: true }}
        data-testid="campaign-form"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('promo.campaign.name')} rules={[{ required: true, whitespace: true, message: t('promo.required', { field: t('promo.campaign.name') }) }]}>
              <Input id="campaign-name" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('promo.campaign.nameEn')}>
              <Input id="campaign-name-en" maxLength={80} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="kind" label={t('promo.campaign.kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            data-testid="campaign-kind"
            options={KINDS.map((value) => ({ value, label: <span data-testid={`campaign-kind-${value}`}>{t(`promo.kind.${value}`)}</span> }))}
          />
        </Form.Item>
        <Row gutter={16}>
          {kind === 'spend_threshold' && (
            <>
              <Col span={8}>{money('thresholdYuan', 'campaign-threshold', true)}</Col>
              <Col span={8}>{money('offYuan', 'campaign-off', true)}</Col>
            </>
          )}
          {kind === 'percent_off' && (
            <>
              <Col span={8}>
                <PercentField />
              </Col>
              <Col span={8}>{money('capYuan', 'campaign-cap', false, t('promo.campaign.optional'))}</Col>
              <Col span={8}>{money('minSpendYuan', 'campaign-min-spend', false, t('promo.campaign.optional'))}</Col>
            </>
          )}
          {kind === 'new_customer' && <Col span={8}>{money('offYuan', 'campaign-off', true, t('promo.campaign.firstOrderOnly'))}</Col>}
        </Row>
        <RulePreview />
        <Form.Item name="itemCodes" label={t('promo.campaign.itemCodes')} extra={t('promo.campaign.itemCodesHint')}>
          <Select mode="multiple" id="campaign-items" allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('promo.campaign.allItems')} options={catalog.options} loading={catalog.loading} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="window" label={t('promo.campaign.window')} extra={t('promo.campaign.windowHint')} rules={[{ required: true, message: t('promo.required', { field: t('promo.campaign.window') }) }]}>
              <DatePicker.RangePicker id="campaign-window" allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="validDays" label={t('promo.campaign.validDays')} extra={t('promo.campaign.validDaysHint')}>
              <InputNumber id="campaign-valid-days" min={1} max={366} precision={0} style={{ width: '100%' }} placeholder={t('promo.campaign.untilEnd')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="totalQuantity" label={t('promo.campaign.totalQuantity')}>
              <InputNumber id="campaign-total" min={1} max={10_000_000} precision={0} style={{ width: '100%' }} placeholder={t('promo.unlimited')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="perCustomer" label={t('promo.campaign.perCustomer')} rules={[{ required: true, message: t('promo.required', { field: t('promo.campaign.perCustomer') }) }]}>
              <InputNumber id="campaign-per-customer" min={1} max={20} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="claimable" label={t('promo.campaign.claimable')} valuePropName="checked" extra={t('promo.campaign.claimableHint')}>
              <Switch id="campaign-claimable" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function PercentField() {
  const { t } = useI18n();
  const form = Form.useFormInstance<CampaignValues>();
  const percent = Form.useWatch('offPercent', form);
  const zhe = zheOf(percent);
  return (
    <Form.Item
      name="offPercent"
      label={t('promo.campaign.offPercent')}
      extra={zhe ? t('promo.campaign.zhe', { zhe }) : undefined}
      rules={[{ required: true, message: t('promo.required', { field: t('promo.campaign.offPercent') }) }]}
    >
      <InputNumber id="campaign-off-percent" min={0.01} max={99.99} precision={2} suffix="%" style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** The rule as the customer will read it, while typing. */
function RulePreview() {
  const { t } = useI18n();
  const form = Form.useFormInstance<CampaignValues>();
  const values = Form.useWatch([], form) as Partial<CampaignValues> | undefined;
  const yuan = (value: number | undefined | null) => (value ? formatFen(Math.round(value * 100)) : '—');
  let text = '';
  if (values?.kind === 'spend_threshold') text = t('promo.preview.spend_threshold', { threshold: yuan(values.thresholdYuan), off: yuan(values.offYuan) });
  if (values?.kind === 'percent_off') {
    text = t('promo.preview.percent_off', { percent: values.offPercent ?? '—' });
    if (values.capYuan) text += t('promo.preview.cap', { cap: yuan(values.capYuan) });
    if (values.minSpendYuan) text += t('promo.preview.minSpend', { min: yuan(values.minSpendYuan) });
  }
  if (values?.kind === 'new_customer') text = t('promo.preview.new_customer', { off: yuan(values.offYuan) });
  return text ? (
    <Typography.Paragraph type="secondary" data-testid="campaign-preview">
      {t('promo.preview')}: {text}
    </Typography.Paragraph>
  ) : null;
}
