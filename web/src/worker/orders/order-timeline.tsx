import { Card, Steps } from 'antd-mobile';
import { pick } from '../../shared/catalog-types';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { TimelineEvent } from '../../shared/order-types';

/** What happened to the order, newest first: who did what, when, with any note. */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, lang } = useI18n();
  if (events.length === 0) return null;
  // Customers, workers and the system by role (in the UI language); platform staff by name.
  const actorText = (event: TimelineEvent) => (event.actorKind === 'admin' && event.actorName ? event.actorName : t(`timeline.actor.${event.actorKind}`));
  const newestFirst = [...events].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card className="m-order-section" title={t('timeline.title')} data-testid="order-timeline">
      <Steps direction="vertical" current={0}>
        {newestFirst.map((event, index) => (
          <Steps.Step
            key={`${event.at}-${index}`}
            status={index === 0 ? 'process' : 'finish'}
            title={<span data-testid="timeline-event" data-action={event.action}>{pick(lang, event.label)}</span>}
            description={
              <>
                <div>
                  {formatDateTime(event.at, lang)} · {actorText(event)}
                </div>
                {event.note && <div className="m-order-note">{event.note}</div>}
              </>
            }
          />
        ))}
      </Steps>
    </Card>
  );
}
