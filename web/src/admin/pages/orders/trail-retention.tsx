import { App, Button, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { applyFieldErrors } from '../../../shared/form-errors';
import { translate, useI18n, type Messages } from '../../../shared/i18n';

const TEXT: Messages = {
  edit: ['修改保留天数', 'Change retention'],
  title: ['位置轨迹保留天数（本城市）', 'Trail retention (this city)'],
  days: ['保留天数', 'Days kept'],
  unit: ['天', 'days'],
  help: ['超过天数的轨迹点由每日任务删除（1–365 天）；修改写入审计日志', 'Older fixes are deleted by the daily job (1–365 days); the change is audited'],
  saved: ['已保存', 'Saved'],
  failed: ['保存失败', 'Could not save'],
};

/** 轨迹保留: `orders:write` changes how many days this city keeps location trails (PUT /api/admin/tracking/settings). */
export function TrailRetentionButton({ days, onSaved }: { days: number; onSaved: () => void }) {
  const { lang } = useI18n();
  const tr = (key: string) => translate(TEXT, lang, key);
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ retentionDays: number }>();

  async function save() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api('/api/admin/tracking/settings', { method: 'PUT', body: values });
      message.success(tr('saved'));
      setOpen(false);
      onSaved();
    } catch (error) {
      if (!applyFieldErrors(form, error, ['retentionDays'])) message.error(errorText(error, tr('failed')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Button type="link" size="small" onClick={() => (form.setFieldsValue({ retentionDays: days }), setOpen(true))} data-testid="trail-retention-edit">
        {tr('edit')}
      </Button>
      {open && (
        <Modal open title={tr('title')} onOk={() => void save()} confirmLoading={saving} onCancel={() => setOpen(false)} destroyOnHidden>
          <Form form={form} layout="vertical" initialValues={{ retentionDays: days }}>
            <Form.Item name="retentionDays" label={tr('days')} extra={tr('help')} rules={[{ required: true }, { type: 'integer', min: 1, max: 365 }]}>
              <InputNumber min={1} max={365} precision={0} suffix={tr('unit')} style={{ width: 200 }} data-testid="trail-retention-days" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
