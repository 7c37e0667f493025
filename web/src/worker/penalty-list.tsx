import { Button, Dialog, List, Tag, TextArea, Toast } from 'antd-mobile';
import { useRef } from 'react';
import { api } from '../shared/api';
import { formatDateTime } from '../shared/format';
import { useI18n } from '../shared/i18n';
import type { Penalty } from '../shared/worker-types';
import { useFailureToast } from '../mobile/use-form-submit';

const KIND_COLORS = { warning: 'warning', suspension: 'danger', removal: 'danger' } as const;

/** Penalties from the platform, each with one appeal (`POST /api/worker/penalties/:id/appeal`). */
export function PenaltyList({ penalties, onChanged }: { penalties: Penalty[]; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const showFailure = useFailureToast();
  const text = useRef('');
  if (penalties.length === 0) return null;

  async function appeal(penalty: Penalty) {
    text.current = '';
    const confirmed = await Dialog.confirm({
      title: t('penalty.appealTitle'),
      content: <TextArea placeholder={t('penalty.appealPlaceholder')} maxLength={500} rows={4} onChange={(value) => (text.current = value)} data-testid="appeal-text" />,
      confirmText: t('penalty.appealSend'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    try {
      await api(`/api/worker/penalties/${penalty.id}/appeal`, { body: { text: text.current.trim() } });
      Toast.show({ icon: 'success', content: t('penalty.appealSent') });
      onChanged();
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <List mode="card" header={t('penalty.title')} data-testid="worker-penalties">
      {penalties.map((penalty) => (
        <List.Item
          key={penalty.id}
          title={
            <>
              <Tag color={penalty.revoked ? 'default' : KIND_COLORS[penalty.kind]}>{t(`penalty.${penalty.kind}`)}</Tag>{' '}
              {penalty.kind === 'suspension' && t('penalty.days', { days: penalty.days ?? 0 })} {formatDateTime(penalty.startsAt, lang)}
            </>
          }
          description={
            <>
              {penalty.appealText && <div>{t('penalty.myAppeal', { text: penalty.appealText })}</div>}
              {penalty.appealText && !penalty.appealOutcome && <div>{t('penalty.appealPending')}</div>}
              {penalty.appealOutcome && <div>{t(`penalty.outcome.${penalty.appealOutcome}`, { note: penalty.appealNote ?? '' })}</div>}
            </>
          }
          extra={
            penalty.canAppeal ? (
              <Button size="mini" color="primary" fill="outline" onClick={() => appeal(penalty)} data-testid={`appeal-${penalty.id}`}>
                {t('penalty.appeal')}
              </Button>
            ) : undefined
          }
        >
          {penalty.reason}
        </List.Item>
      ))}
    </List>
  );
}
