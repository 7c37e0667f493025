import { Button, Dialog, Form, Toast } from 'antd-mobile';
import { useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { Address, AddressInput, City } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';
import { useFailureToast, useFormSubmit } from '../use-form-submit';
import { AddressFields, type AddressValues } from './address-fields';

const FIELDS = ['label', 'contactName', 'contactPhone', 'districtCode', 'detail', 'isDefault', 'point'];

/** Adds (`/me/addresses/new`) or edits (`/me/addresses/:id`) a service address. */
export function AddressFormPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const loaded = useLoad(
    async (signal) => {
      const [city, addresses] = await Promise.all([
        api<City>('/api/geo/city', { signal }),
        id ? api<Address[]>('/api/me/addresses', { signal }) : Promise.resolve([]),
      ]);
      return { city, address: addresses.find((item) => item.id === id) };
    },
    [id],
  );
  return (
    <SubPage title={t(id ? 'address.edit' : 'address.add')} back="/me/addresses">
      <LoadState loaded={loaded}>{({ city, address }) => <AddressForm city={city} address={address} />}</LoadState>
    </SubPage>
  );
}

function AddressForm({ city, address }: { city: City; address: Address | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<AddressValues>();
  const showFailure = useFailureToast();

  const { submitting: saving, submit: save } = useFormSubmit(form, FIELDS, async (values: AddressValues) => {
    const body: Partial<AddressInput> = {
      label: values.label.trim(),
      contactName: values.contactName.trim(),
      districtCode: values.districtCode[0],
      detail: values.detail.trim(),
      isDefault: Boolean(values.isDefault),
      ...(values.contactPhone ? { contactPhone: values.contactPhone } : {}),
      ...(values.point ?? {}),
    };
    if (address) await api(`/api/me/addresses/${address.id}`, { method: 'PATCH', body });
    else await api('/api/me/addresses', { method: 'POST', body });
    Toast.show({ icon: 'success', content: t('common.saved') });
    navigate('/me/addresses', { replace: true });
  });

  async function remove() {
    if (!address) return;
    const confirmed = await Dialog.confirm({ content: t('address.deleteConfirm'), confirmText: t('common.delete'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    try {
      await api(`/api/me/addresses/${address.id}`, { method: 'DELETE' });
      Toast.show({ icon: 'success', content: t('address.deleted') });
      navigate('/me/addresses', { replace: true });
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <Form
      form={form}
      layout="horizontal"
      mode="card"
      onFinish={save}
      initialValues={
        address
          ? { ...address, districtCode: [address.districtCode], contactPhone: '', point: null }
          : { label: '', contactName: '', contactPhone: '', districtCode: [], detail: '', isDefault: false, point: null }
      }
      footer={
        <div className="m-form-footer">
          <Button block type="submit" color="primary" size="large" loading={saving} data-testid="address-save">
            {t('common.save')}
          </Button>
          {address && (
            <Button block color="danger" fill="outline" onClick={remove} data-testid="address-delete">
              {t('common.delete')}
            </Button>
          )}
        </div>
      }
    >
      <AddressFields city={city} address={address} form={form} />
    </Form>
  );
}
