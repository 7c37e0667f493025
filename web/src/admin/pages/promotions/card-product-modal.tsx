import { App, Col, Descriptions, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { api, ApiError } from '../../../shared/api';
import { unitLabel } from '../../../shared/catalog-units';
import { formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { mappedFieldErrors } from '../../field-errors';
import { useFormModal } from '../../use-form-modal';
import type { CardProduct } from './promotion-types';
import { useCatalogItems } from './use-catalog-items';

interface CardValues {
  code: string;
  name: string;
  nameEn?: string;
  itemCode: string;
  quantity: number;
  visits: number;
  priceYuan: number;
  listPriceYuan: number;
  validDays: number;
  published: boolean;
}

const FIELD_OF: Record<string, string> = {
  code: 'code', name: 'name', nameEn: 'nameEn', itemCode: 'itemCode', quantity: 'quantity', visits: 'visits',
  priceFen: 'priceYuan', listPriceFen: 'listPriceYuan', validDays: 'validDays', published: 'published',
};

const fen = (yuan: number | undefined | null) => Math.round((yuan ?? 0) * 100);

/** 新建次卡: N visits of one item at a price below the list price; the saving and the share of each visit show as you type. */
export function CardProductModal({ onClose }: { onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CardValues>();
  const catalog = useCatalogItems();
  const claimFields = mappedFieldErrors(form, FIELD_OF);
  const props = useFormModal(
    form,
    [],
    onClose,
    async (v) => {
      const body = {
        code: v.code.trim(), name: v.name.trim(), ...(v.nameEn?.trim() ? { nameEn: v.nameEn.trim() } : {}), itemCode: v.itemCode, quantity: v.quantity,
        visits: v.visits, priceFen: fen(v.priceYuan), listPriceFen: fen(v.listPriceYuan), validDays: v.validDays, published: v.published,
      };
      const created = await api<CardProduct>('/api/admin/service-card-products', { body });
      message.success(t('promo.card.created', { name: created.name }));
      onClose(true);
    },
    (error) => {
      if (error instanceof ApiError && error.code === 'CODE_TAKEN') {
        form.setFields([{ name: 'code', errors: [error.title] }]);
        return true;
      }
      return claimFields(error);
    },
  );
  const itemCode = Form.useWatch('itemCode', form);
  const item = itemCode ? catalog.byCode.get(itemCode) : undefined;
  const required = (key: string) => [{ required: true, message: t('promo.required', { field: t(key) }) }];

  return (
    <Modal title={t('promo.card.create')} width={720} {...props} okButtonProps={{ id: 'card-save' }}>
      <Form<CardValues> form={form} layout="vertical" requiredMark={false} initialValues={{ quantity: 1, visits: 4, validDays: 180, published: true }} data-testid="card-form">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('promo.card.name')} rules={[{ required: true, whitespace: true, message: t('promo.required', { field: t('promo.card.name') }) }]}>
              <Input id="card-name" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('promo.card.nameEn')}>
              <Input id="card-name-en" maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="code" label={t('promo.card.code')} extra={t('promo.card.codeHint')} rules={[...required('promo.card.code'), { pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('promo.card.codeHint') }]}>
              <Input id="card-code" maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="itemCode" label={t('promo.card.item')} rules={required('promo.card.item')} extra={item ? t('promo.card.itemPrice', { price: formatFen(item.priceFromFen), unit: unitLabel(t, item.unit) }) : undefined}>
              <Select id="card-item" data-testid="card-item" showSearch={{ optionFilterProp: 'label' }} options={catalog.options} loading={catalog.loading} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="quantity" label={item ? t('promo.card.quantityOf', { unit: unitLabel(t, item.unit) }) : t('promo.card.quantity')} rules={required('promo.card.quantity')}>
              <InputNumber id="card-quantity" min={1} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="visits" label={t('promo.card.visits')} rules={required('promo.card.visits')}>
              <InputNumber id="card-visits" min={2} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="listPriceYuan" label={t('promo.card.listPrice')} rules={required('promo.card.listPrice')}>
              <InputNumber id="card-list-price" min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="priceYuan" label={t('promo.card.price')} rules={required('promo.card.price')}>
              <InputNumber id="card-price" min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="validDays" label={t('promo.card.validDays')} rules={required('promo.card.validDays')}>
              <InputNumber id="card-valid-days" min={7} max={1095} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="published" label={t('promo.card.published')} valuePropName="checked">
              <Switch id="card-published" />
            </Form.Item>
          </Col>
        </Row>
        <CardFigures />
      </Form>
    </Modal>
  );
}

/** The live figures: saving against the list price, the discount, and what each visit costs (the card's share per visit). */
function CardFigures() {
  const { t } = useI18n();
  const form = Form.useFormInstance<CardValues>();
  const price = fen(Form.useWatch('priceYuan', form));
  const list = fen(Form.useWatch('listPriceYuan', form));
  const visits = Form.useWatch('visits', form) ?? 0;
  if (!price || !list || !visits) return <Typography.Paragraph type="secondary">{t('promo.card.figuresHint')}</Typography.Paragraph>;
  const saving = list - price;
  const items = [
    { key: 'saving', label: t('promo.card.saving'), children: <Typography.Text data-testid="card-saving" data-fen={saving} type={saving < 0 ? 'danger' : undefined}>{formatFen(saving)}</Typography.Text> },
    { key: 'discount', label: t('promo.card.discount'), children: <span data-testid="card-discount">{t('promo.card.discountValue', { percent: ((price / list) * 100).toFixed(1) })}</span> },
    { key: 'perVisit', label: t('promo.card.perVisit'), children: <span data-testid="card-per-visit" data-fen={Math.floor(price / visits)}>{formatFen(Math.floor(price / visits))}</span> },
    { key: 'listPerVisit', label: t('promo.card.listPerVisit'), children: formatFen(Math.floor(list / visits)) },
  ];
  return (
    <>
      <Descriptions bordered size="small" column={2} items={items} data-testid="card-figures" />
      {saving < 0 && <Typography.Paragraph type="danger" className="a-small">{t('promo.card.priceAboveList')}</Typography.Paragraph>}
    </>
  );
}
