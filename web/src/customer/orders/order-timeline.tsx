import { Steps } from 'antd-mobile';
import { pick } from '../../shared/catalog-types';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { TimelineEvent } from '../../shared/order-types';

/** Names the server gives to no one in particular (zh only); the kind says as much in either language. */
const GENERIC_NAMES = new Set(['客户', '师傅', '系统', '平台']);

/** 我 for my own steps; otherwise the kind, with the name when it says more (e.g. 平台客服 运营 小周). */
function actorText(t: (key: string) => string, event: TimelineEvent): string {
  const kind = t(`order.actor.${event.actorKind}`);
  const name = event.actorName.trim();
  return event.actorKind === 'customer' || !name || GENERIC_NAMES.has(name) || kind === name ? kind : `${kind} ${name}`;
}

/** 订单进度: every event, newest first, with its time (city zone) and who did it. */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, lang } = useI18n();
  if (events.length === 0) return null;
  const newestFirst = [...events].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
  return (
    <section className="m-section" data-testid="order-timeline">
      <div className="m-section-title">{t('order.timeline')}</div>
      <Steps direction="vertical" current={0} className="m-order-timeline">
        {newestFirst.map((event, index) => (
          <Steps.Step
            key={`${event.at}-${event.action}-${index}`}
            status={index === 0 ? 'process' : 'finish'}
            title={<span data-testid="order-event" data-action={event.action}>{pick(lang, event.label)}</span>}
            description={
              <>
                {formatDateTime(event.at, lang)} · {actorText(t, event)}
                {event.note && <div>{event.note}</div>}
              </>
            }
          />
        ))}
      </Steps>
    </section>
  );
}
