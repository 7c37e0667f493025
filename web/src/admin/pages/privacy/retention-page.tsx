import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { api, errorText } from '../../../shared/api';
import { useI18n, type Messages } from '../../../shared/i18n';
import { useFormSubmit } from '../../../shared/use-form-submit';
import { useLoad } from '../../../shared/use-load';
import { useAdminSession } from '../../session';

export const retentionMessages: Messages = {
  'nav.retention': ['数据保留', 'Data retention'],
  'retention.intro': [
    '个人信息只保存到业务需要为止（《个人信息保护法》第十九条）：到期的数据由后台任务自动删除；处于纠纷中的订单证据在处理完毕前保留。修改写入审计日志。',
    'Personal information is kept only as long as the service needs it (PIPL art. 19): jobs delete what is past its time; evidence of an order under dispute is kept until it is decided. Changes are audited.',
  ],
  'retention.trail.title': ['师傅位置轨迹', 'Worker location trails'],
  'retention.trail.help': ['出发至完成期间记录的位置点；每日任务删除超过天数的点（1–365 天）', 'Fixes recorded from departure to completion; a daily job deletes older ones (1–365 days)'],
  'retention.chat.title': ['订单聊天照片', 'Photos in order chats'],
  'retention.chat.help': ['客户与师傅在订单聊天中发送的照片；每 6 小时的任务删除超过天数的照片，消息保留“图片已过期”（7–3650 天）', 'Photos sent in order chats; a job every 6 hours deletes older ones and the message says the photo expired (7–3650 days)'],
  'retention.days': ['保留天数', 'Days kept'],
  'retention.unit': ['天', 'days'],
  'retention.save': ['保存', 'Save'],
  'retention.saved': ['已保存', 'Saved'],
  'retention.readOnly': ['你的角色只能查看这些设置（修改需要订单写权限）', 'Your role can read these settings; changing them needs orders:write'],
};

interface RetentionCardProps {
  id: string;
  url: string;
  field: string;
  range: [number, number];
  editable: boolean;
}

/** One retention setting: read with orders:read, saved with orders:write (field errors under the field). */
function RetentionCard({ id, url, field, range, editable }: RetentionCardProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, number>>();
  const loaded = useLoad((signal) => api<Record<string, number>>(url, { signal }), [url]);
  const { submitting, submit } = useFormSubmit(form, [field], async (values: Record<string, number>) => {
    const saved = await api<Record<string, number>>(url, { method: 'PUT', body: { [field]: values[field] } });
    form.setFieldsValue(saved);
    message.success(t('retention.saved'));
  }, (text) => message.error(text));

  return (
    <Card title={t(`retention.${id}.title`)} data-testid={`retention-${id}`}>
      {loaded.error !== undefined && <Alert type="error" showIcon title={errorText(loaded.error, t('common.loadFailed'))} />}
      {!loaded.data && loaded.error === undefined && <Skeleton active paragraph={{ rows: 2 }} />}
      {loaded.data && (
        <Form form={form} layout="vertical" initialValues={loaded.data} disabled={!editable} onFinish={submit}>
          <Form.Item name={field} label={t('retention.days')} extra={t(`retention.${id}.help`)} rules={[{ required: true }, { type: 'integer', min: range[0], max: range[1] }]}>
            <InputNumber min={range[0]} max={range[1]} precision={0} suffix={t('retention.unit')} style={{ width: 200 }} data-testid={`retention-${id}-days`} />
          </Form.Item>
          {editable && <Button type="primary" htmlType="submit" loading={submitting} data-testid={`retention-${id}-save`}>{t('retention.save')}</Button>}
        </Form>
      )}
    </Card>
  );
}

/** 数据保留: how long this city keeps location trails and chat photos before the purge jobs delete them. */
export function RetentionPage() {
  const { t } = useI18n();
  const { can } = useAdminSession();
  const editable = can('orders:write');
  return (
    <div data-testid="retention-page">
      <Typography.Paragraph type="secondary">{t('retention.intro')}</Typography.Paragraph>
      {!editable && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('retention.readOnly')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <RetentionCard id="trail" url="/api/admin/tracking/settings" field="retentionDays" range={[1, 365]} editable={editable} />
        </Col>
        <Col xs={24} xl={12}>
          <RetentionCard id="chat" url="/api/admin/support/settings" field="chatImageRetentionDays" range={[7, 3650]} editable={editable} />
        </Col>
      </Row>
    </div>
  );
}
