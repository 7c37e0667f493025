import {
  AlertOutlined,
  AppstoreOutlined,
  AccountBookOutlined,
  AuditOutlined,
  BankOutlined,
  CalculatorOutlined,
  CreditCardOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  ClusterOutlined,
  CarOutlined,
  DashboardOutlined,
  ExclamationCircleOutlined,
  DiffOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  FundOutlined,
  GiftOutlined,
  PhoneOutlined,
  ScheduleOutlined,
  MailOutlined,
  InboxOutlined,
  IdcardOutlined,
  LikeOutlined,
  LockOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TagsOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { FileSearchOutlined, InsuranceOutlined } from '@ant-design/icons';
import { SolutionOutlined } from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { Permission } from '../shared/types';
import { AdminsPage } from './pages/admins-page';
import { AuditPage } from './pages/audit-page';
import { CatalogPage } from './pages/catalog-page';
import { OutboxPage } from './pages/outbox-page';
import { OverviewPage } from './pages/overview-page';
import { UsersPage } from './pages/users-page';
import { WorkersPage } from './pages/workers-page';
import { DayPlansPage } from './pages/dispatch-plans/day-plans-page';
import { DispatchQueuePage } from './pages/dispatch-queue/dispatch-queue-page';
import { DispatchSettingsPage } from './pages/dispatch-settings/dispatch-settings-page';
import { FinanceInvoicesPage } from './pages/finance/invoices-page';
import { FinanceJournalPage } from './pages/finance/journal-page';
import { FinanceReconciliationPage } from './pages/finance/reconciliation-page';
import { FinanceSettingsPage } from './pages/finance/settings-page';
import { FinanceSummaryPage } from './pages/finance/summary-page';
import { FinanceTrialBalancePage } from './pages/finance/trial-balance-page';
import { FinanceWithdrawalsPage } from './pages/finance/withdrawals-page';
import { IncidentsPage } from './pages/incidents/incidents-page';
import { BookForCustomerPage } from './pages/orders/book-page';
import { BookingSettingsPage } from './pages/orders/booking-settings-page';
import { OrdersPage } from './pages/orders/orders-page';
import { ReschedulesPage } from './pages/orders/reschedules-page';
import { CampaignsPage } from './pages/promotions/campaigns-page';
import { ServiceCardsPage } from './pages/promotions/service-cards-page';
import { ReviewAppealsPage } from './pages/review-appeals/review-appeals-page';
import { ComplaintsPage } from './pages/complaints/complaints-page';
import { QualityPage } from './pages/quality/quality-page';
import { RequestsPage } from './pages/requests/requests-page';
import { ClaimsPage } from './pages/claims/claims-page';
import { SupportPage } from './pages/support/support-page';
import { RetentionPage } from './pages/privacy/retention-page';
import { WorkerReviewsPage } from './pages/worker-review/worker-reviews-page';

export interface ConsolePage {
  path: string;
  labelKey: string;
  permission: Permission;
  icon: ReactNode;
  Component: ComponentType;
  /** Pages of one group sit in a sub-menu (open by default) where the group's first page is listed. */
  group?: MenuGroup;
}

export interface MenuGroup {
  key: string;
  labelKey: string;
  icon: ReactNode;
}

const MARKETING: MenuGroup = { key: 'marketing', labelKey: 'nav.marketing', icon: <GiftOutlined /> };

/** Every console page and the permission it needs; the menu shows only those the admin may use. */
export const CONSOLE_PAGES: ConsolePage[] = [
  { path: 'overview', labelKey: 'nav.overview', permission: 'overview:read', icon: <DashboardOutlined />, Component: OverviewPage },
  { path: 'orders', labelKey: 'nav.orders', permission: 'orders:read', icon: <FileTextOutlined />, Component: OrdersPage },
  { path: 'incidents', labelKey: 'nav.incidents', permission: 'orders:read', icon: <AlertOutlined />, Component: IncidentsPage },
  { path: 'dispatch-queue', labelKey: 'nav.dispatchQueue', permission: 'orders:read', icon: <InboxOutlined />, Component: DispatchQueuePage },
  { path: 'requests', labelKey: 'nav.requests', permission: 'orders:read', icon: <SolutionOutlined />, Component: RequestsPage },
  { path: 'reschedules', labelKey: 'nav.reschedules', permission: 'orders:read', icon: <CalendarOutlined />, Component: ReschedulesPage },
  { path: 'dispatch-plans', labelKey: 'nav.dayPlans', permission: 'orders:write', icon: <CarOutlined />, Component: DayPlansPage },
  { path: 'book', labelKey: 'nav.bookForCustomer', permission: 'orders:book', icon: <PhoneOutlined />, Component: BookForCustomerPage },
  { path: 'support', labelKey: 'nav.support', permission: 'support:answer', icon: <CustomerServiceOutlined />, Component: SupportPage },
  { path: 'review-appeals', labelKey: 'nav.reviewAppeals', permission: 'support:answer', icon: <LikeOutlined />, Component: ReviewAppealsPage },
  { path: 'complaints', labelKey: 'nav.complaints', permission: 'support:answer', icon: <ExclamationCircleOutlined />, Component: ComplaintsPage },
  { path: 'quality', labelKey: 'nav.quality', permission: 'orders:read', icon: <FileSearchOutlined />, Component: QualityPage },
  { path: 'claims', labelKey: 'nav.claims', permission: 'orders:read', icon: <InsuranceOutlined />, Component: ClaimsPage },
  { path: 'users', labelKey: 'nav.users', permission: 'users:read', icon: <TeamOutlined />, Component: UsersPage },
  { path: 'workers', labelKey: 'nav.workers', permission: 'workers:read', icon: <ToolOutlined />, Component: WorkersPage },
  { path: 'worker-reviews', labelKey: 'nav.workerReviews', permission: 'workers:read', icon: <IdcardOutlined />, Component: WorkerReviewsPage },
  { path: 'catalog', labelKey: 'nav.catalog', permission: 'catalog:read', icon: <AppstoreOutlined />, Component: CatalogPage },
  { path: 'coupon-campaigns', labelKey: 'nav.couponCampaigns', permission: 'promotions:read', icon: <TagsOutlined />, Component: CampaignsPage, group: MARKETING },
  { path: 'service-cards', labelKey: 'nav.serviceCards', permission: 'promotions:read', icon: <CreditCardOutlined />, Component: ServiceCardsPage, group: MARKETING },
  { path: 'booking-settings', labelKey: 'nav.bookingSettings', permission: 'orders:read', icon: <ScheduleOutlined />, Component: BookingSettingsPage },
  { path: 'dispatch-settings', labelKey: 'nav.dispatchSettings', permission: 'orders:read', icon: <ClusterOutlined />, Component: DispatchSettingsPage },
  { path: 'finance', labelKey: 'nav.financeSummary', permission: 'finance:read', icon: <FundOutlined />, Component: FinanceSummaryPage },
  { path: 'finance-withdrawals', labelKey: 'nav.financeWithdrawals', permission: 'finance:read', icon: <BankOutlined />, Component: FinanceWithdrawalsPage },
  { path: 'finance-invoices', labelKey: 'nav.financeInvoices', permission: 'finance:read', icon: <FileDoneOutlined />, Component: FinanceInvoicesPage },
  { path: 'finance-journal', labelKey: 'nav.financeJournal', permission: 'finance:read', icon: <AccountBookOutlined />, Component: FinanceJournalPage },
  { path: 'finance-trial-balance', labelKey: 'nav.financeTrialBalance', permission: 'finance:read', icon: <CalculatorOutlined />, Component: FinanceTrialBalancePage },
  { path: 'finance-reconciliation', labelKey: 'nav.financeReconciliation', permission: 'finance:read', icon: <DiffOutlined />, Component: FinanceReconciliationPage },
  { path: 'finance-settings', labelKey: 'nav.financeSettings', permission: 'finance:read', icon: <SettingOutlined />, Component: FinanceSettingsPage },
  { path: 'retention', labelKey: 'nav.retention', permission: 'orders:read', icon: <LockOutlined />, Component: RetentionPage },
  { path: 'outbox', labelKey: 'nav.outbox', permission: 'outbox:read', icon: <MailOutlined />, Component: OutboxPage },
  { path: 'audit', labelKey: 'nav.audit', permission: 'audit:read', icon: <AuditOutlined />, Component: AuditPage },
  { path: 'admins', labelKey: 'nav.admins', permission: 'admins:manage', icon: <SafetyCertificateOutlined />, Component: AdminsPage },
];
