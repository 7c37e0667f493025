import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Form, Image, Input, Modal, Radio, Rate, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/use-load';
import { useFormModal } from '../../use-form-modal';
import { useUrlState } from '../../use-url-state';

type Status = 'pending' | 'kept' | 'hidden' | 'removed';
type Decision = 'keep' | 'hide' | 'remove';
const DECISIONS: Decision[] = ['keep', 'hide', 'remove'];
const STATUS_COLORS: Record<Status, string> = { pending: 'orange', kept: 'blue', hidden: 'purple', removed: 'red' };
const TAG_CODES = ['punctual', 'thorough', 'friendly', 'professional', 'tidy', 'late', 'careless', 'rude', 'overcharged', 'damaged'];

interface Appeal {
  id: string;
  reviewId: string;
  orderId: string;
  workerId: string;
  reason: string;
  evidenceUrls: string[];
  status: Status;
  decisionNote: string;
  decidedAt: string | null;
  createdAt: string;
  review: { stars: number; body: string; tags: string[]; photoUrls: string[]; reply: string | null };
}

function Photos({ urls, testId }: { urls: string[]; testId: string }) {
  if (urls.length === 0) return null;
  return (
    <div className="a-appeal-photos" data-testid={testId} data-count={urls.length} style={{ marginTop: 6 }}>
      <Image.PreviewGroup>
        <Space size={6} wrap>
          {urls.map((url) => <Image key={url} src={url} width={56} height={56} style={{ objectFit: 'cover', borderRadius: 4 }} />)}
        </Space>
      </Image.PreviewGroup>
    </div>
  );
}

/**
 * 评价申诉 (`support:answer`): workers' appeals of reviews, waiting ones oldest first (`?tab=decided` for decided
 * ones), each with the review (stars, tags, text, photos, the worker's reply), the worker's reason and evidence;
 * 保留 / 隐藏 / 移除 with a required written reason (both sides are told; audited).
 */
export function ReviewAppealsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { params, update } = useUrlState();
  const tab = params.get('tab') === 'decided' ? 'decided' : 'pending';
  const list = useLoad((signal) => api<{ items: Appeal[] }>('/api/admin/review-appeals', { query: { status: tab }, signal }), [tab]);
  const [deciding, setDeciding] = useState<{ appeal: Appeal; decision: Decision } | null>(null);
  const tagText = (tag: string) => (TAG_CODES.includes(tag) ? t(`appeals.tag.${tag}`) : tag);

  const columns: TableColumnsType<Appeal> = [
    {
      title: t('appeals.col.review'),
      key: 'review',
      width: '38%',
      render: (_, a) => (
        <div data-testid="appeal-review">
          <Rate disabled value={a.review.stars} style={{ fontSize: 14 }} />
          <div>{a.review.tags.map((tag) => <Tag key={tag}>{tagText(tag)}</Tag>)}</div>
          {a.review.body && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{a.review.body}</Typography.Paragraph>}
          <Photos urls={a.review.photoUrls} testId="appeal-review-photos" />
          {a.review.reply && <Typography.Text type="secondary">{t('appeals.reply', { text: a.review.reply })}</Typography.Text>}
        </div>
      ),
    },
    {
      title: t('appeals.col.reason'),
      key: 'reason',
      render: (_, a) => (
        <div data-testid="appeal-reason">
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.reason}</Typography.Paragraph>
          <Photos urls={a.evidenceUrls} testId="appeal-evidence" />
        </div>
      ),
    },
    {
      title: t('appeals.col.order'),
      key: 'order',
      width: 150,
      render: (_, a) => (
        <Space direction="vertical" size={2}>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => navigate(`/orders?open=${encodeURIComponent(a.orderId)}`)}>{t('appeals.openOrder')}</Button>
          <Typography.Text type="secondary">{formatDateTime(a.createdAt, lang)}</Typography.Text>
        </Space>
      ),
    },
    tab === 'pending'
      ? {
          title: t('common.actions'),
          key: 'actions',
          width: 200,
          render: (_, a) => (
            <Space size={4} wrap>
              {DECISIONS.map((decision) => (
                <Button key={decision} size="small" danger={decision === 'remove'} type={decision === 'hide' ? 'primary' : 'default'} onClick={() => setDeciding({ appeal: a, decision })} data-testid={`appeal-${decision}`}>
                  {t(`appeals.decision.${decision}`)}
                </Button>
              ))}
            </Space>
          ),
        }
      : {
          title: t('appeals.col.outcome'),
          key: 'outcome',
          width: 240,
          render: (_, a) => (
            <div data-testid="appeal-outcome" data-status={a.status}>
              <Tag color={STATUS_COLORS[a.status]}>{t(`appeals.status.${a.status}`)}</Tag>
              <div>{a.decisionNote}</div>
              <Typography.Text type="secondary">{formatDateTime(a.decidedAt, lang)}</Typography.Text>
            </div>
          ),
        },
  ];

  return (
    <div data-testid="review-appeals">
      <Space className="a-toolbar" style={{ marginBottom: 16 }}>
        <Segmented
          value={tab}
          onChange={(value) => update({ tab: value === 'pending' ? '' : String(value) })}
          options={[
            { value: 'pending', label: <span data-testid="appeals-tab-pending">{t('appeals.tab.pending')}</span> },
            { value: 'decided', label: <span data-testid="appeals-tab-decided">{t('appeals.tab.decided')}</span> },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={() => list.reload(true)}>{t('appeals.refresh')}</Button>
      </Space>
      {list.error !== undefined && <Alert type="error" showIcon title={errorText(list.error, t('common.loadFailed'))} style={{ marginBottom: 12 }} />}
      <Table<Appeal>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={!list.data && !list.error}
        pagination={false}
        onRow={(a) => ({ 'data-testid': 'appeal-row', 'data-appeal-id': a.id, 'data-review-id': a.reviewId }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty description={t(tab === 'pending' ? 'appeals.emptyPending' : 'appeals.emptyDecided')} /> }}
      />
      {deciding && (
        <DecisionModal
          {...deciding}
          onClose={(done) => {
            setDeciding(null);
            if (done) list.reload(true);
          }}
          onRefused={(error) => {
            message.error(errorText(error, t('common.failed')));
            list.reload(true);
          }}
        />
      )}
    </div>
  );
}

function DecisionModal({ appeal, decision: initial, onClose, onRefused }: { appeal: Appeal; decision: Decision; onClose: (done: boolean) => void; onRefused: (error: unknown) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: Decision; note: string }>();
  const props = useFormModal(
    form,
    ['decision', 'note'],
    () => onClose(false),
    async (values) => {
      await api(`/api/admin/review-appeals/${encodeURIComponent(appeal.id)}/decision`, { body: { decision: values.decision, note: values.note.trim() } });
      message.success(t('appeals.decided'));
      onClose(true);
    },
    (error) => {
      if (!(error instanceof ApiError && error.code === 'APPEAL_CLOSED')) return false;
      onRefused(error);
      onClose(false);
      return true;
    },
  );
  return (
    <Modal title={t('appeals.decideTitle')} {...props} okText={t('appeals.decide')} okButtonProps={{ id: 'appeal-decide-ok' }}>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'stars', label: t('appeals.col.review'), children: <><Rate disabled value={appeal.review.stars} style={{ fontSize: 12 }} /> {appeal.review.body}</> },
          { key: 'reason', label: t('appeals.col.reason'), children: appeal.reason },
        ]}
      />
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ decision: initial }}>
        <Form.Item name="decision" label={t('appeals.decision')}>
          <Radio.Group id="appeal-decision" optionType="button" options={DECISIONS.map((d) => ({ value: d, label: t(`appeals.decision.${d}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('appeals.note')} rules={[{ required: true, whitespace: true, min: 2, message: t('appeals.noteRequired') }]} extra={t('appeals.noteHint')}>
          <Input.TextArea id="appeal-note" rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
