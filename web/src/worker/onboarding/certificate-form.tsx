import { Button, DatePicker, Form, Input, Selector, Switch, Toast } from 'antd-mobile';
import type { DatePickerRef } from 'antd-mobile';
import dayjs from 'dayjs';
import type { RefObject } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { CERTIFICATE_KINDS, type CertificateKind, type UploadedFile } from '../../shared/worker-types';
import { useFormSubmit } from '../../mobile/use-form-submit';
import { DocumentUpload } from './document-upload';

interface CertificateValues {
  kind: CertificateKind[];
  number: string;
  noExpiry: boolean;
  expiresAt: Date | null;
  fileId: UploadedFile | null;
}

/** Adds a certificate: kind, number, expiry date or 无期限, and a photo or PDF of it. */
export function CertificateForm({ onDone }: { onDone: (added: boolean) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CertificateValues>();
  const noExpiry = Form.useWatch('noExpiry', form) ?? false;
  const { submitting, submit } = useFormSubmit(form, ['kind', 'number', 'expiresAt', 'fileId'], async (values: CertificateValues) => {
    await api('/api/worker/certificates', {
      body: {
        kind: values.kind[0],
        number: values.number.trim(),
        expiresAt: values.noExpiry || !values.expiresAt ? null : dayjs(values.expiresAt).format('YYYY-MM-DD'),
        fileId: values.fileId?.fileId,
      },
    });
    Toast.show({ icon: 'success', content: t('cert.added') });
    onDone(true);
  });

  return (
    <Form
      form={form}
      layout="vertical"
      mode="card"
      className="m-onboarding-form"
      initialValues={{ kind: [], number: '', noExpiry: false, expiresAt: null, fileId: null }}
      onFinish={submit}
      footer={
        <div className="m-form-footer">
          <Button block type="submit" color="primary" loading={submitting} data-testid="certificate-save">
            {t('cert.save')}
          </Button>
          <Button block onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      }
    >
      <Form.Header>{t('cert.add')}</Form.Header>
      <Form.Item name="kind" label={t('cert.kind')} rules={[{ required: true, type: 'array', min: 1, message: t('cert.kindRequired') }]}>
        <Selector columns={2} options={CERTIFICATE_KINDS.map((kind) => ({ value: kind, label: t(`certKind.${kind}`) }))} data-testid="certificate-kind" />
      </Form.Item>
      <Form.Item name="number" label={t('cert.numberLabel')} rules={[{ required: true, whitespace: true, min: 2, message: t('common.required', { field: t('cert.numberLabel') }) }]}>
        <Input id="certificate-number" maxLength={40} clearable placeholder={t('cert.numberLabel')} />
      </Form.Item>
      <Form.Item name="noExpiry" label={t('cert.noExpiry')} valuePropName="checked" layout="horizontal" childElementPosition="right">
        <Switch data-testid="certificate-no-expiry" />
      </Form.Item>
      {!noExpiry && (
        <Form.Item
          name="expiresAt"
          label={t('cert.expiry')}
          trigger="onConfirm"
          arrow
          rules={[{ required: true, message: t('cert.expiryRequired') }]}
          onClick={(_event, picker: RefObject<DatePickerRef>) => picker.current?.open()}
        >
          <DatePicker min={dayjs().add(1, 'day').toDate()} max={dayjs().add(30, 'year').toDate()} confirmText={t('common.confirm')} cancelText={t('common.cancel')}>
            {(value) => (value ? dayjs(value).format('YYYY-MM-DD') : <span className="m-placeholder">{t('cert.expiryPick')}</span>)}
          </DatePicker>
        </Form.Item>
      )}
      <Form.Item name="fileId" label={t('cert.file')} rules={[{ required: true, message: t('cert.fileRequired') }]} description={t('cert.fileHint')}>
        <DocumentUpload purpose="certificate" label={t('cert.file')} allowPdf />
      </Form.Item>
    </Form>
  );
}
