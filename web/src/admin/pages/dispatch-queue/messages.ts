import type { Messages } from '../../../shared/i18n';

/** Texts of 派单队列 (merged into the order pages' catalogue). */
export const dispatchQueueMessages: Messages = {
  'nav.dispatchQueue': ['派单队列', 'Dispatch queue'],
  'queue.intro': ['已支付但所有派单轮次都无人接单的订单，按入队时间排序。请人工派单或联系用户改约。', 'Paid orders nobody took after every dispatch round, oldest first. Assign a worker by hand or ask the customer to move the visit.'],
  'queue.count': ['共 {count} 单待处理', '{count} waiting'],
  'queue.empty': ['派单队列为空：所有已支付订单都有师傅在接。', 'The queue is empty: every paid order is with a worker.'],
  'queue.refresh': ['刷新', 'Refresh'],
  'queue.col.reason': ['入队原因', 'Why queued'],
  'queue.col.queuedAt': ['入队时间', 'Queued'],
  'queue.col.age': ['已等待', 'Waiting'],
  'queue.col.startsIn': ['距上门', 'Visit in'],
  'queue.assign': ['人工派单', 'Assign'],
  'queue.open': ['查看', 'Open'],
  'queue.minutes': ['{minutes} 分钟', '{minutes} min'],
  'queue.hours': ['{hours} 小时 {minutes} 分', '{hours} h {minutes} min'],
  'queue.days': ['{days} 天 {hours} 小时', '{days} d {hours} h'],
  'queue.passed': ['已过预约时间', 'Start passed'],
};
