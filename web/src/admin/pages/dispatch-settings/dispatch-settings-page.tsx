import { Alert, App, Button, Card, Col, Form, InputNumber, Popconfirm, Row, Select, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { localName, useI18n } from '../../../shared/i18n';
import { useFormSubmit } from '../../../shared/use-form-submit';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';
import { WEIGHT_NAMES, type DispatchSettings, type DispatchSettingsList, type MatchWeights, type WeightName } from '../orders/dispatch-types';
import { useOrderRefs } from '../orders/use-order-refs';
import '../orders/orders.css';
import '../orders/dispatch.css';

const CITY = '*';

/** The matching module's default weights (src/domains/dispatch/matching/config.ts); the settings API does not list them. */
const DEFAULT_WEIGHTS: MatchWeights = { proximity: 0.25, rating: 0.15, onTime: 0.1, completion: 0.08, regular: 0.12, badges: 0.06, fairness: 0.1, newcomer: 0.06, acceptance: 0.08 };

type NumberKey = 'topK' | 'grabWindowSeconds' | 'acceptTimeoutSeconds' | 'maxAssignRounds' | 'candidatePool';
const NUMBERS: Record<NumberKey, [unit: string, min: number, max: number]> = {
  topK: ['dsettings.people', 1, 50],
  grabWindowSeconds: ['dsettings.seconds', 10, 3600],
  acceptTimeoutSeconds: ['dsettings.seconds', 10, 7200],
  maxAssignRounds: ['dsettings.rounds', 0, 20],
  candidatePool: ['dsettings.people', 10, 2000],
};

/** Every field optional: empty = inherit (a category from the city default, the city default from the built-in one). */
type FormValues = { mode?: 'grab' | 'assign' | null } & { [K in NumberKey]?: number | null } & { weights?: Partial<Record<WeightName, number | null>> };

function toForm(settings: Partial<DispatchSettings> | undefined): FormValues {
  return { ...settings, weights: { ...settings?.weights } };
}

/** Only what is filled in is sent: the stored settings of a scope are exactly its overrides. */
function toBody(values: FormValues, inheritedWeights: Partial<MatchWeights>): Partial<DispatchSettings> {
  const body: Partial<DispatchSettings> = {};
  if (values.mode) body.mode = values.mode;
  for (const key of Object.keys(NUMBERS) as NumberKey[]) {
    const value = values[key];
    if (value !== null && value !== undefined) body[key] = value;
  }
  const weights = Object.fromEntries(Object.entries(values.weights ?? {}).filter(([, value]) => value !== null && value !== undefined)) as Partial<MatchWeights>;
  // A category's weights replace the city's as a whole on the server: keep the city's for the ones left empty.
  if (Object.keys(weights).length) body.weights = { ...inheritedWeights, ...weights };
  return body;
}

const hasOwn = (settings: Partial<DispatchSettings> | undefined) => Boolean(settings && Object.keys(settings).length);

/**
 * 派单设置 (`GET /api/admin/dispatch/settings`, `PUT …/:categoryCode`): mode, K, windows, rounds, pool and ranking
 * weights for the city default (`*`) and per category, each field inheriting when left empty.
 */
export function DispatchSettingsPage() {
  const { t, lang } = useI18n();
  const { can } = useAdminSession();
  const readOnly = !can('orders:write');
  const list = useLoad((signal) => api<DispatchSettingsList>('/api/admin/dispatch/settings', { signal }), []);
  const { categories } = useOrderRefs();
  const [scope, setScope] = useState(CITY);

  if (list.error !== undefined && !list.data) {
    return <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(list.error, '')} action={<Button onClick={() => list.reload()}>{t('common.retry')}</Button>} />;
  }
  if (!list.data) return <Skeleton active />;
  const { defaults, items } = list.data;
  const stored = new Map(items.map((item) => [item.categoryCode, item]));
  const city = stored.get(CITY)?.settings ?? {};
  const cityEffective: DispatchSettings = { ...defaults, ...city };
  const scopes = [
    { code: CITY, name: t('dsettings.cityDefault') },
    ...(categories.data ?? []).map((category) => ({ code: category.code, name: localName(lang, category) })),
  ];

  return (
    <div className="a-dispatch-settings" data-testid="dispatch-settings">
      <Typography.Paragraph type="secondary">{t('dsettings.intro')}</Typography.Paragraph>
      {readOnly && <Alert type="info" showIcon title={t('dsettings.readOnly')} className="a-toolbar" />}
      <Tabs
        tabPlacement="start"
        activeKey={scope}
        onChange={setScope}
        items={scopes.map(({ code, name }) => ({
          key: code,
          label: (
            <Space size={4} data-testid={`dsettings-scope-${code}`} data-overridden={hasOwn(stored.get(code)?.settings) ? 'yes' : 'no'}>
              <span>{name}</span>
              {code !== CITY && hasOwn(stored.get(code)?.settings) && <Tag color="orange">{t('dsettings.overridden')}</Tag>}
            </Space>
          ),
          children:
            code === scope ? (
              <ScopeForm
                key={`${code}-${stored.get(code)?.updatedAt ?? ''}`}
                code={code}
                name={name}
                own={stored.get(code)?.settings}
                updatedAt={stored.get(code)?.updatedAt ?? null}
                inherited={code === CITY ? defaults : cityEffective}
                inheritedWeights={code === CITY ? DEFAULT_WEIGHTS : { ...DEFAULT_WEIGHTS, ...city.weights }}
                readOnly={readOnly}
                onSaved={() => list.reload(true)}
              />
            ) : null,
        }))}
      />
    </div>
  );
}

interface ScopeProps {
  code: string;
  name: string;
  own: Partial<DispatchSettings> | undefined;
  updatedAt: string | null;
  /** What an empty field means here. */
  inherited: DispatchSettings;
  inheritedWeights: MatchWeights;
  readOnly: boolean;
  onSaved: () => void;
}

function ScopeForm({ code, name, own, updatedAt, inherited, inheritedWeights, readOnly, onSaved }: ScopeProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const city = code === CITY;
  const put = (body: Partial<DispatchSettings>) => api<DispatchSettings>(`/api/admin/dispatch/settings/${encodeURIComponent(code)}`, { method: 'PUT', body });
  const { submitting, submit } = useFormSubmit<FormValues>(
    form,
    ['mode', ...Object.keys(NUMBERS), 'weights'],
    async (values) => {
      // The city default's weights replace the built-in ones only where set; a category keeps the city's.
      await put(toBody(values, city ? {} : inheritedWeights));
      message.success(t('dsettings.saved'));
      onSaved();
    },
    (text) => message.error(text),
  );
  const [clearing, setClearing] = useState(false);

  async function clear() {
    setClearing(true);
    try {
      await put({});
      message.success(t('dsettings.cleared'));
      onSaved();
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    } finally {
      setClearing(false);
    }
  }

  const inheritHint = (value: string) => t('dsettings.inheritHint', { value });
  const modeLabel = (mode: 'grab' | 'assign') => t(`dsettings.mode.${mode}`);
  const numberField = (key: NumberKey) => {
    const [unit, min, max] = NUMBERS[key];
    const hintKey = `dsettings.${key}Hint`;
    const hint = t(hintKey);
    return (
      <Col span={8} key={key}>
        <Form.Item name={key} label={t(`dsettings.${key}`)} extra={[hint === hintKey ? '' : hint, inheritHint(`${inherited[key]} ${t(unit)}`)].filter(Boolean).join(' · ')}>
          <InputNumber id={`dsettings-${key}`} min={min} max={max} precision={0} suffix={t(unit)} placeholder={String(inherited[key])} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    );
  };

  return (
    <Form<FormValues> form={form} layout="vertical" requiredMark={false} initialValues={toForm(own)} onFinish={submit} disabled={readOnly} data-testid={`dsettings-form-${code}`}>
      <Space className="a-toolbar" wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {name}
        </Typography.Title>
        {!city && <Tag color={hasOwn(own) ? 'orange' : 'default'}>{t(hasOwn(own) ? 'dsettings.overridden' : 'dsettings.inherits')}</Tag>}
        {updatedAt && <Typography.Text type="secondary" className="a-small">{t('dsettings.updatedAt', { time: formatDateTime(updatedAt, lang) })}</Typography.Text>}
      </Space>
      <Card size="small" title={t('dsettings.section.flow')}>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="mode" label={t('dsettings.mode')} extra={inheritHint(modeLabel(inherited.mode))}>
              <Select
                id="dsettings-mode"
                allowClear
                placeholder={modeLabel(inherited.mode)}
                options={(['grab', 'assign'] as const).map((mode) => ({ value: mode, label: modeLabel(mode) }))}
                data-testid="dsettings-mode"
              />
            </Form.Item>
          </Col>
          {numberField('topK')}
          {numberField('grabWindowSeconds')}
          {numberField('acceptTimeoutSeconds')}
          {numberField('maxAssignRounds')}
          {numberField('candidatePool')}
        </Row>
      </Card>
      <Card size="small" title={t('dsettings.section.weights')} className="a-dispatch-weights">
        <Typography.Paragraph type="secondary" className="a-small">{t('dsettings.weightsHint')}</Typography.Paragraph>
        <Row gutter={16}>
          {WEIGHT_NAMES.map((weight) => (
            <Col span={8} key={weight}>
              <Form.Item name={['weights', weight]} label={t(`dsettings.weight.${weight}`)} extra={inheritHint(String(inheritedWeights[weight]))}>
                <InputNumber id={`dsettings-weight-${weight}`} min={0} max={10} step={0.01} precision={2} placeholder={String(inheritedWeights[weight])} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      {!readOnly && (
        <Space className="a-book-actions">
          {!city && hasOwn(own) && (
            <Popconfirm title={t('dsettings.clear')} onConfirm={clear} okText={t('common.confirm')} cancelText={t('common.cancel')}>
              <Button danger loading={clearing} data-testid="dsettings-clear">
                {t('dsettings.clear')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={() => form.setFieldsValue({ ...emptyForm(), ...toForm(own) })}>{t('dsettings.reset')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="dsettings-save">
            {t('dsettings.save')}
          </Button>
        </Space>
      )}
    </Form>
  );
}

/** Every field empty (so 还原 also clears what was typed into fields that have no stored value). */
function emptyForm(): FormValues {
  return { mode: null, topK: null, grabWindowSeconds: null, acceptTimeoutSeconds: null, maxAssignRounds: null, candidatePool: null, weights: Object.fromEntries(WEIGHT_NAMES.map((w) => [w, null])) };
}
