import { Tag } from 'antd-mobile';
import { useI18n } from '../../shared/i18n';
import type { TicketStatus } from './support-types';

const COLORS: Record<TicketStatus, string> = { open: 'warning', answered: 'success', closed: 'default' };

export function TicketStatusTag({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} fill="outline" data-testid="ticket-status" data-status={status}>
      {t(`support.status.${status}`)}
    </Tag>
  );
}
