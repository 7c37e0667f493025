import { Steps } from 'antd-mobile';
import { pick } from '../../shared/catalog-types';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { TimelineEvent } from '../../shared/order-types';

/** 订单进度: every event, newest first, with its time (city zone) and who did it. */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, lang } = useI18n();
  if (events.length === 0) return null;
  const newestFirst = [...events].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  return (
    <section className="m-order-section" data-testid="order-timeline">
      <div className="m-order-section-title">{t('order.timeline')}</div>
      <Steps direction="vertical" current={0} className="m-order-timeline">
        {newestFirst.map((event, index) => (
          <Steps.Step
            key={`${event.at}-${event.action}-${index}`}
            status={index === 0 ? 'process' : 'finish'}
            title={<span data-testid="order-event" data-action={event.action}>{pick(lang, event.label)}</span>}
            description={
              <>
                {formatDateTime(event.at, lang)} · {t(`order.actor.${event.actorKind}`)}
                {event.actorName ? ` ${event.actorName}` : ''}
                {event.note && <div>{event.note}</div>}
              </>
            }
          />
        ))}
      </Steps>
    </section>
  );
}
