import type { Messages } from '../shared/i18n';

export const workerMessages: Messages = {
  'worker.portal': ['师傅端 · 接单赚钱', 'Worker app · earn with your skills'],
  'worker.hello': ['{name} 师傅，你好', 'Hello, {name}'],
  'worker.helloAnonymous': ['师傅，你好', 'Hello'],
  'worker.accountType': ['师傅账号', 'Worker account'],
  'worker.statusTitle': ['入驻状态', 'Onboarding status'],
  'worker.statusNotSubmitted': ['尚未提交实名认证', 'Real-name verification not submitted'],
  'worker.statusNote': [
    '完成实名认证和资质审核后，即可设置技能、服务区域与工作时间并开始接单。',
    'After real-name verification and qualification review you can set your skills, service area and hours and start taking orders.',
  ],
  'worker.stepKyc': ['实名认证', 'Real-name verification'],
  'worker.stepKycDesc': ['身份证与人脸核验', 'ID card and face check'],
  'worker.stepReview': ['资质审核', 'Qualification review'],
  'worker.stepReviewDesc': ['平台审核技能证书', 'The platform reviews your certificates'],
  'worker.stepProfile': ['设置技能与服务区域', 'Skills and service area'],
  'worker.stepProfileDesc': ['选择服务项目、区域和工作时间', 'Choose services, districts and working hours'],
  'worker.stepOrders': ['开始接单', 'Start taking orders'],
  'worker.stepOrdersDesc': ['接收派单或抢单', 'Receive dispatched orders or grab them'],
};
