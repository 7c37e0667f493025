import { Alert, App, Button, Drawer, Popconfirm, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { City } from '../../../shared/types';
import { useLoad } from '../../../shared/use-load';
import type { WorkerFile } from '../../../shared/worker-types';
import { useAdminSession } from '../../session';
import { PenaltyModal, RejectModal } from './review-modals';
import { CertificatesSection, IdentitySection, PortfolioSection, ProfileSection, ScheduleSection } from './worker-file-sections';
import { DecisionsSection, PenaltiesSection } from './worker-penalties';

const STATUS_COLORS = { draft: 'default', submitted: 'gold', approved: 'green', rejected: 'red', removed: 'default' } as const;

/** A worker's file for review (`GET /api/admin/workers/:id`); 通过 / 驳回 / 处罚 with `workers:review`. */
export function WorkerFileDrawer({ workerId, city, onClose }: { workerId: string; city: City | undefined; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAdminSession();
  const file = useLoad((signal) => api<WorkerFile>(`/api/admin/workers/${workerId}`, { signal }), [workerId]);
  const [changed, setChanged] = useState(false);
  const [modal, setModal] = useState<'reject' | 'penalty' | null>(null);
  const [approving, setApproving] = useState(false);
  const data = file.data;
  const mayReview = can('workers:review');

  function afterChange(text: string) {
    message.success(text);
    setChanged(true);
    file.reload(true);
  }

  async function approve() {
    setApproving(true);
    try {
      await api(`/api/admin/workers/${workerId}/approve`, { body: {} });
      afterChange(t('review.approved'));
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    } finally {
      setApproving(false);
    }
  }

  const footer =
    data && mayReview ? (
      <Space>
        {data.status === 'submitted' && (
          <>
            <Popconfirm title={t('review.approveConfirm')} okText={t('review.approve')} cancelText={t('common.cancel')} onConfirm={approve}>
              <Button type="primary" loading={approving} data-testid="review-approve">
                {t('review.approve')}
              </Button>
            </Popconfirm>
            <Button danger onClick={() => setModal('reject')} data-testid="review-reject">
              {t('review.reject')}
            </Button>
          </>
        )}
        {data.status !== 'removed' && data.status !== 'draft' && (
          <Button onClick={() => setModal('penalty')} data-testid="review-penalty">
            {t('review.penalize')}
          </Button>
        )}
      </Space>
    ) : null;

  return (
    <Drawer
      open
      size={820}
      title={
        data ? (
          <Space>
            <span data-testid="review-worker-name">{data.profile.displayName || t('users.unnamed')}</span>
            <Tag color={STATUS_COLORS[data.status]} data-testid="review-status">
              {t(`review.status.${data.status}`)}
            </Tag>
            {data.suspendedUntil && <Tag color="orange">{t('review.suspendedUntil', { time: formatDateTime(data.suspendedUntil, 'zh-CN') })}</Tag>}
          </Space>
        ) : (
          t('review.file')
        )
      }
      onClose={() => onClose(changed)}
      footer={footer}
      data-testid="review-drawer"
    >
      {file.error !== undefined && !data && <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(file.error, '')} />}
      {!data && file.error === undefined && <Spin />}
      {data && (
        <div className="a-review-file">
          {data.status === 'rejected' && data.reviewNote && <Alert type="warning" showIcon title={t('review.rejectedWith', { reason: data.reviewNote })} />}
          <IdentitySection file={data} />
          <ProfileSection file={data} city={city} />
          <ScheduleSection file={data} />
          <CertificatesSection file={data} mayReview={mayReview} onChanged={() => file.reload(true)} />
          <PortfolioSection file={data} />
          <DecisionsSection file={data} />
          <PenaltiesSection file={data} mayReview={mayReview} onChanged={() => afterChange(t('review.appealDecided'))} />
        </div>
      )}
      {modal === 'reject' && (
        <RejectModal
          workerId={workerId}
          onClose={(done) => {
            setModal(null);
            if (done) afterChange(t('review.rejected'));
          }}
        />
      )}
      {modal === 'penalty' && (
        <PenaltyModal
          workerId={workerId}
          onClose={(done) => {
            setModal(null);
            if (done) afterChange(t('review.penalized'));
          }}
        />
      )}
    </Drawer>
  );
}
