import { unitMessages } from '../shared/catalog-units';
import type { Messages } from '../shared/i18n';

export const customerMessages: Messages = {
  ...unitMessages,
  'customer.portal': ['同城上门服务，一键到家', 'Home services in your city'],
  'home.greeting': ['你好，{name}', 'Hello, {name}'],
  'home.greetingAnonymous': ['你好，欢迎使用到家', 'Hello, welcome to Daojia'],
  'home.city': ['当前城市：{city}', 'City: {city}'],
  'home.catalogEmpty': ['暂无服务项目', 'No services yet'],
  'item.duration': ['约 {duration}', 'About {duration}'],
  'item.price': ['参考价', 'Reference price'],
  'item.durationLabel': ['预计时长', 'Duration'],
  'item.category': ['所属分类', 'Category'],
  'item.perUnit': ['{price}/{unit}', '{price}/{unit}'],
  'item.description': ['服务说明', 'What is included'],
  'duration.minutes': ['{minutes} 分钟', '{minutes} min'],
  'duration.hours': ['{hours} 小时', '{hours} h'],
  'duration.hoursMinutes': ['{hours} 小时 {minutes} 分钟', '{hours} h {minutes} min'],
};
