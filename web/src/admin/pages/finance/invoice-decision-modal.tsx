import { App, Descriptions, Form, Input, Modal } from 'antd';
import { api } from '../../../shared/api';
import { formatFen } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useFormModal } from '../../use-form-modal';
import type { InvoiceRequest } from './finance-types';

/** 开具 (with the invoice number) or 驳回 (with a reason the customer sees) one open request. */
export function InvoiceDecisionModal({ invoice, issue, onClose }: { invoice: InvoiceRequest; issue: boolean; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ invoiceNo?: string; note?: string }>();
  const props = useFormModal(form, ['invoiceNo', 'note'], onClose, async (values) => {
    const body = issue ? { issue: true, invoiceNo: values.invoiceNo!.trim() } : { issue: false, note: values.note!.trim() };
    await api(`/api/admin/finance/invoices/${invoice.id}/decide`, { body });
    message.success(t(issue ? 'fin.inv.issued' : 'fin.inv.refused'));
    onClose(true);
  });
  return (
    <Modal
      title={t(issue ? 'fin.inv.issueTitle' : 'fin.inv.refuseTitle', { orderNo: invoice.orderNo })}
      {...props}
      okText={t(issue ? 'fin.inv.issue' : 'fin.inv.refuse')}
      okButtonProps={{ danger: !issue, id: 'invoice-decision-ok' }}
    >
      <Descriptions
        size="small"
        column={1}
        className="a-block"
        items={[
          { key: 'title', label: t('fin.inv.title'), children: `${t(`fin.inv.titleKind.${invoice.titleKind}`)} · ${invoice.title}` },
          ...(invoice.taxNo ? [{ key: 'taxNo', label: t('fin.inv.taxNo'), children: invoice.taxNo }] : []),
          { key: 'amount', label: t('fin.amount'), children: formatFen(invoice.amountFen) },
          { key: 'email', label: t('fin.inv.email'), children: invoice.email },
        ]}
      />
      <Form form={form} layout="vertical" requiredMark={false}>
        {issue ? (
          <Form.Item name="invoiceNo" label={t('fin.inv.invoiceNo')} extra={t('fin.inv.invoiceNoHint')} rules={[{ required: true, whitespace: true, min: 6, max: 40, message: t('fin.inv.invoiceNoRequired') }]}>
            <Input id="invoice-no" maxLength={40} autoComplete="off" />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('fin.inv.note')} extra={t('fin.inv.noteHint')} rules={[{ required: true, whitespace: true, message: t('fin.inv.noteRequired') }]}>
            <Input.TextArea id="invoice-note" rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
