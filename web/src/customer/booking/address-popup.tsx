import { Button, Form, Popup, Toast } from 'antd-mobile';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { Address, AddressInput, City } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { AddressFields, type AddressValues } from '../../mobile/me/address-fields';
import { useFormSubmit } from '../../mobile/use-form-submit';

const FIELDS = ['label', 'contactName', 'contactPhone', 'districtCode', 'detail', 'isDefault', 'point'];

/** Adds a service address without leaving the booking page (the same fields as 我的 → 常用地址). */
export function AddressPopup({ visible, onClose, onAdded }: { visible: boolean; onClose: () => void; onAdded: (address: Address) => void }) {
  const { t } = useI18n();
  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} destroyOnClose bodyClassName="m-book-popup" bodyStyle={{ maxHeight: '90vh', overflowY: 'auto' }}>
      <div className="m-book-popup-title">{t('address.add')}</div>
      {visible && <AddressPopupForm onAdded={onAdded} />}
    </Popup>
  );
}

function AddressPopupForm({ onAdded }: { onAdded: (address: Address) => void }) {
  const { t } = useI18n();
  const loaded = useLoad((signal) => api<City>('/api/geo/city', { signal }), []);
  const [form] = Form.useForm<AddressValues>();
  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: AddressValues) => {
    const body: AddressInput = {
      label: values.label.trim(),
      contactName: values.contactName.trim(),
      contactPhone: values.contactPhone,
      districtCode: values.districtCode[0]!,
      detail: values.detail.trim(),
      isDefault: Boolean(values.isDefault),
      ...(values.point ?? {}),
    };
    const address = await api<Address>('/api/me/addresses', { method: 'POST', body });
    Toast.show({ icon: 'success', content: t('common.saved') });
    onAdded(address);
  });
  return (
    <LoadState loaded={loaded}>
      {(city) => (
        <Form
          form={form}
          layout="horizontal"
          onFinish={submit}
          initialValues={{ label: '', contactName: '', contactPhone: '', districtCode: [], detail: '', isDefault: false, point: null }}
          footer={
            <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="address-save">
              {t('common.save')}
            </Button>
          }
        >
          <AddressFields city={city} address={undefined} form={form} />
        </Form>
      )}
    </LoadState>
  );
}
