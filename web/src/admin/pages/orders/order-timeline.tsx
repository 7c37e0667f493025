import { Empty, Tag, Timeline, Typography } from 'antd';
import { pick } from '../../../shared/catalog-types';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { TimelineEvent } from '../../../shared/order-types';

const ACTOR_COLORS = { customer: 'blue', worker: 'green', admin: 'red', system: 'gray' } as const;
/** Names that are only a role (events written before names were resolved): the tag already says it. */
const GENERIC_NAMES = new Set(['客户', '用户', '师傅', '系统']);

/** 订单轨迹: every event with who did it, the state change and the note (reasons of admin actions). */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, lang } = useI18n();
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('order.noTimeline')} />;
  return (
    <Timeline
      className="a-order-timeline"
      data-testid="order-timeline"
      items={events.map((event, index) => ({
        key: `${event.at}-${index}`,
        color: ACTOR_COLORS[event.actorKind],
        content: (
          <div data-testid="order-timeline-event" data-action={event.action}>
            <div className="a-order-timeline-head">
              <Typography.Text strong>{pick(lang, event.label)}</Typography.Text>
              {event.toStatus && event.fromStatus !== event.toStatus && (
                <Typography.Text type="secondary" className="a-small">
                  {event.fromStatus ? `${t(`state.${event.fromStatus}`)} → ` : ''}
                  {t(`state.${event.toStatus}`)}
                </Typography.Text>
              )}
            </div>
            <div>
              <Typography.Text type="secondary" className="a-small">
                {formatDateTime(event.at, lang)} · <Tag variant="filled">{t(`order.actor.${event.actorKind}`)}</Tag>
                {/* Who acted, by name; an old event that only knows the role does not repeat it. */}
                <span data-testid="order-timeline-actor">{GENERIC_NAMES.has(event.actorName) ? '' : event.actorName}</span>
              </Typography.Text>
            </div>
            {event.note && <div className="a-order-timeline-note">{event.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
