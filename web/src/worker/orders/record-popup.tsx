import { Checkbox, Form, Popup, Space, TextArea, Toast, type ImageUploadItem } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n';
import type { OrderView } from '../../shared/order-types';
import { PopupButtons } from '../../mobile/popup-buttons';
import { useFormSubmit } from '../../mobile/use-form-submit';
import { workerOrders } from './order-api';
import { photoIds, PhotoUploader } from './photo-uploader';

interface RecordValues {
  note: string;
  photosBefore: ImageUploadItem[];
  photosAfter: ImageUploadItem[];
  done: string[];
}

interface RecordPopupProps {
  order: OrderView;
  visible: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 服务记录: a note, photos before and after, and the item's checklist (its "included" list) ticked off. */
export function RecordPopup({ order, visible, onClose, onDone }: RecordPopupProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<RecordValues>();
  const [busyBefore, setBusyBefore] = useState(false);
  const [busyAfter, setBusyAfter] = useState(false);
  useEffect(() => {
    if (visible) form.resetFields();
  }, [visible, form]);
  const { submitting, submit } = useFormSubmit(form, ['note', 'photosBefore', 'photosAfter', 'checklist'], async (values: RecordValues) => {
    const done = values.done ?? [];
    await workerOrders.record(order.id, {
      note: (values.note ?? '').trim(),
      photosBefore: photoIds(values.photosBefore),
      photosAfter: photoIds(values.photosAfter),
      checklist: order.checklistTemplate.map((label) => ({ label, done: done.includes(label) })),
    });
    Toast.show({ icon: 'success', content: t('record.saved') });
    onDone();
  });

  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} bodyClassName="m-order-popup m-order-popup-tall" destroyOnClose>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ note: '', photosBefore: [], photosAfter: [], done: [] }}
        onFinish={submit}
        footer={
          <PopupButtons submitText={t('record.submit')} onCancel={onClose} loading={submitting} disabled={busyBefore || busyAfter} testId="record-submit" />
        }
      >
        <h3 className="m-popup-title">{t('record.title')}</h3>
        {order.checklistTemplate.length > 0 && (
          <Form.Item name="done" label={t('record.checklist')} description={t('record.checklistHint')}>
            <Checkbox.Group>
              <Space direction="vertical" data-testid="record-checklist">
                {order.checklistTemplate.map((label) => (
                  <Checkbox key={label} value={label} data-testid="record-checklist-item">
                    {label}
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item name="photosBefore" label={t('record.before')}>
          <PhotoUploader testId="record-photos-before" onBusyChange={setBusyBefore} />
        </Form.Item>
        <Form.Item name="photosAfter" label={t('record.after')}>
          <PhotoUploader testId="record-photos-after" onBusyChange={setBusyAfter} />
        </Form.Item>
        <Form.Item name="note" label={t('record.note')}>
          <TextArea id="record-note" rows={3} maxLength={1000} showCount placeholder={t('record.noteHint')} />
        </Form.Item>
      </Form>
    </Popup>
  );
}
