import { CalendarOutline, CollectMoneyOutline, UnorderedListOutline } from 'antd-mobile-icons';
import { MobileApp } from '../mobile/mobile-app';
import type { MobilePortal } from '../mobile/portal';
import { IncomeTab } from './income/income-tab';
import { WithdrawPage } from './income/withdraw-page';
import { workerMessages } from './messages';
import { CertificatesStepPage } from './onboarding/certificates-page';
import { IdentityStepPage } from './onboarding/identity-page';
import { PortfolioStepPage } from './onboarding/portfolio-page';
import { ProfileStepPage } from './onboarding/profile-page';
import { ScheduleStepPage } from './onboarding/schedule-page';
import { workerOrders } from './orders/order-api';
import { WorkerOrderPage } from './orders/order-page';
import { OrdersTab } from './orders/orders-tab';
import { TrailReporter } from './orders/trail-reporter';
import { MyReviewsPage } from './reviews/my-reviews-page';
import { WorkerRequestPage } from './requests/worker-request-page';
import { ScheduleTab } from './schedule/schedule-tab';
import { TeamJoinPage } from './team-join-page';
import { WorkerHome } from './worker-home';

const portal: MobilePortal = {
  role: 'worker',
  basename: '/worker',
  titleKey: 'worker.portal',
  Home: WorkerHome,
  hasAddresses: false,
  pages: [
    { path: 'onboarding/profile', Component: ProfileStepPage },
    { path: 'onboarding/identity', Component: IdentityStepPage },
    { path: 'onboarding/certificates', Component: CertificatesStepPage },
    { path: 'onboarding/schedule', Component: ScheduleStepPage },
    { path: 'onboarding/portfolio', Component: PortfolioStepPage },
    { path: 'team/join', Component: TeamJoinPage },
    { path: 'orders/:id', Component: WorkerOrderPage },
    { path: 'income/withdraw', Component: WithdrawPage },
    { path: 'me/reviews', Component: MyReviewsPage },
    { path: 'requests/:id', Component: WorkerRequestPage },
  ],
  tabs: [
    { path: 'orders', titleKey: 'tab.orders', icon: <UnorderedListOutline />, Component: OrdersTab },
    { path: 'schedule', titleKey: 'tab.calendar', icon: <CalendarOutline />, Component: ScheduleTab },
    { path: 'income', titleKey: 'tab.income', icon: <CollectMoneyOutline />, Component: IncomeTab },
  ],
  meLinks: [{ path: 'me/reviews', titleKey: 'myReviews.title' }],
  // 位置轨迹: the position of orders 上门中 / 服务中 is sent while the portal is open.
  Background: TrailReporter,
  // 提现 lists the withdrawals; the home tab shows the application and penalties.
  notificationPaths: { withdrawal: () => '/income/withdraw', application: () => '/', penalty: () => '/', request: (id) => `/requests/${encodeURIComponent(id)}` },
  recentOrders: async (signal) => {
    const [upcoming, history] = await Promise.all([workerOrders.list('upcoming', signal), workerOrders.list('history', signal)]);
    return [...upcoming.items, ...history.items].sort((a, b) => b.scheduledStart.localeCompare(a.scheduledStart)).slice(0, 30);
  },
};

/** 师傅端: the worker H5 portal at `/worker/`. */
export default function WorkerApp() {
  return <MobileApp portal={portal} messages={workerMessages} />;
}
