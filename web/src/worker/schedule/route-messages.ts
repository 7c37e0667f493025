import type { Messages } from '../../shared/i18n';

/** Texts of the route section on the 日程 tab. */
export const routeMessages: Messages = {
  'route.title': ['路线', 'Route'],
  'route.summary': ['{count} 单 · 路程 {km} 公里 · 约 {minutes} 分钟', '{count} jobs · {km} km · about {minutes} min on the road'],
  'route.leaveHome': ['{time} 从家出发', 'Leave home at {time}'],
  'route.backHome': ['{time} 到家', 'Home at {time}'],
  'route.travel': ['路上 {minutes} 分钟 · {km} 公里', '{minutes} min · {km} km on the way'],
  'route.arrive': ['{time} 到达', 'Arrive {time}'],
  'route.wait': ['等候 {minutes} 分钟', 'wait {minutes} min'],
  'route.late': ['预计迟到 {minutes} 分钟', 'about {minutes} min late'],
  'route.service': ['服务 {from}–{to}', 'Service {from}–{to}'],
  'route.noHome': ['未设置常驻地址，路程从第一单算起', 'No home base set: the route starts at the first job'],
  'route.failed': ['路线加载失败', 'Could not load the route'],
};
