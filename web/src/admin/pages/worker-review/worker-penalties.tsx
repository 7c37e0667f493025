import { Button, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { WorkerFile } from '../../../shared/worker-types';
import { AppealDecisionModal } from './review-modals';

const DECISION_COLORS: Record<string, string> = { approved: 'green', rejected: 'red' };

/** 审核记录: every approve / reject with the admin and the reason. */
export function DecisionsSection({ file }: { file: WorkerFile }) {
  const { t, lang } = useI18n();
  return (
    <section className="a-review-section" data-testid="review-decisions">
      <Typography.Title level={5}>{t('review.decisions')}</Typography.Title>
      {file.decisions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noDecisions')} />
      ) : (
        <Timeline
          items={file.decisions.map((d, index) => ({
            key: index,
            color: DECISION_COLORS[d.decision] ?? 'gray',
            content: (
              <>
                <Tag color={DECISION_COLORS[d.decision]}>{t(`review.decision.${d.decision}`)}</Tag>
                {formatDateTime(d.at, lang)} · {d.adminName}
                {d.reason && <div>{t('review.reasonIs', { reason: d.reason })}</div>}
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}

/** Penalties with the worker's appeal; ops uphold or revoke an open appeal. */
export function PenaltiesSection({ file, mayReview, onChanged }: { file: WorkerFile; mayReview: boolean; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [deciding, setDeciding] = useState<{ id: string; outcome: 'upheld' | 'revoked' } | null>(null);
  return (
    <section className="a-review-section" data-testid="review-penalties">
      <Typography.Title level={5}>{t('review.penalties')}</Typography.Title>
      {file.penalties.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.noPenalties')} />
      ) : (
        <List
          size="small"
          bordered
          dataSource={file.penalties}
          renderItem={(p) => (
            <List.Item
              actions={
                mayReview && p.appealText && !p.appealOutcome
                  ? [
                      <Button key="up" size="small" onClick={() => setDeciding({ id: p.id, outcome: 'upheld' })}>
                        {t('review.appeal.upheld')}
                      </Button>,
                      <Button key="rev" size="small" type="primary" onClick={() => setDeciding({ id: p.id, outcome: 'revoked' })}>
                        {t('review.appeal.revoked')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space direction="vertical" size={2}>
                <span>
                  <Tag color={p.revoked ? 'default' : 'red'}>{t(`review.penalty.${p.kind}`)}</Tag>
                  {p.kind === 'suspension' && t('review.daysCount', { days: p.days ?? 0 })} {formatDateTime(p.startsAt, lang)}
                  {p.revoked && <Tag>{t('review.revoked')}</Tag>}
                </span>
                <span>{p.reason}</span>
                {p.appealText && <Typography.Text type="secondary">{t('review.appealText', { text: p.appealText })}</Typography.Text>}
                {p.appealOutcome && <Typography.Text type="secondary">{t(`review.appealOutcome.${p.appealOutcome}`, { note: p.appealNote ?? '' })}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {deciding && (
        <AppealDecisionModal
          penaltyId={deciding.id}
          outcome={deciding.outcome}
          onClose={(done) => {
            setDeciding(null);
            if (done) onChanged();
          }}
        />
      )}
    </section>
  );
}
