import type { Messages } from '../../shared/i18n';
import { routeMessages } from './route-messages';

/** Texts of the 日程 tab. */
export const calendarMessages: Messages = {
  ...routeMessages,
  'tab.calendar': ['日程', 'Schedule'],
  'calendar.day': ['日', 'Day'],
  'calendar.week': ['周', 'Week'],
  'calendar.today': ['今天', 'Today'],
  'calendar.thisWeek': ['本周', 'This week'],
  'calendar.prevDay': ['前一天', 'Previous day'],
  'calendar.nextDay': ['后一天', 'Next day'],
  'calendar.prevWeek': ['上一周', 'Previous week'],
  'calendar.nextWeek': ['下一周', 'Next week'],
  'calendar.free': ['这一天没有安排', 'Nothing booked this day'],
  'calendar.none': ['无安排', 'Free'],
  'calendar.jobs': ['{count} 单', '{count} jobs'],
  'calendar.state.created': ['待支付', 'Unpaid'],
  'calendar.state.paid': ['待接单', 'Unassigned'],
  'calendar.state.assigned': ['待上门', 'To visit'],
  'calendar.state.on_the_way': ['上门中', 'On the way'],
  'calendar.state.in_service': ['服务中', 'In service'],
  'calendar.state.awaiting_confirmation': ['待验收', 'Awaiting acceptance'],
  'calendar.state.completed': ['已完成', 'Completed'],
  'calendar.state.closed': ['已完成', 'Closed'],
  'calendar.state.cancelled': ['已取消', 'Cancelled'],
  'calendar.state.disputed': ['售后中', 'Disputed'],
  'calendar.state.refunded': ['已退款', 'Refunded'],
};
