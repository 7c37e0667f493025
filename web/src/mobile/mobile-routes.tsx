import { DotLoading } from 'antd-mobile';
import { useEffect } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { EmailSignupPage } from './auth/email-signup-page';
import { LoginPage } from './auth/login-page';
import { TabLayout } from './layout/tab-layout';
import { ChatPage } from './chat/chat-page';
import { ComplaintsPage } from './complaints/complaints-page';
import { ConsultationPage } from './consult/consultation-page';
import { AddressFormPage } from './me/address-form-page';
import { AddressesPage } from './me/addresses-page';
import { DeleteAccountPage } from './me/delete-account-page';
import { DevicesPage } from './me/devices-page';
import { EmergencyContactPage } from './me/emergency-contact-page';
import { MePage } from './me/me-page';
import { PasswordPage } from './me/password-page';
import { ProfilePage } from './me/profile-page';
import { NotificationPage } from './notifications/notification-page';
import { NotificationSettingsPage } from './notifications/notification-settings-page';
import { NotificationsPage } from './notifications/notifications-page';
import { UnreadProvider } from './notifications/unread';
import { usePortal } from './portal';
import { useSession } from './session';
import { HelpPage } from './support/help-page';
import { NewTicketPage } from './support/new-ticket-page';
import { TicketPage } from './support/ticket-page';
import { TicketsPage } from './support/tickets-page';

function SessionLoading() {
  return (
    <div className="m-center">
      <DotLoading color="primary" />
    </div>
  );
}

function RequireUser() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <SessionLoading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <UnreadProvider>
      <Outlet />
    </UnreadProvider>
  );
}

function GuestOnly() {
  const { user } = useSession();
  if (user === undefined) return <SessionLoading />;
  if (user) return <Navigate to="/" replace />;
  return <Outlet />;
}

/** Each page starts at its top, as on a native app. */
function ScrollToTop() {
  const { pathname } = useLocation();
  useEffect(() => {
    // Braces matter: newer browsers return a promise from scrollTo, which React would take for a cleanup.
    window.scrollTo(0, 0);
  }, [pathname]);
  return null;
}

export function MobileRoutes() {
  const { Home, hasAddresses, pages = [], tabs = [] } = usePortal();
  return (
    <>
      <ScrollToTop />
      <Routes>
        <Route element={<GuestOnly />}>
          <Route path="login" element={<LoginPage />} />
          <Route path="signup" element={<EmailSignupPage />} />
        </Route>
        <Route element={<RequireUser />}>
          <Route element={<TabLayout />}>
            <Route index element={<Home />} />
            <Route path="me" element={<MePage />} />
            <Route path="messages" element={<NotificationsPage />} />
            {tabs.map(({ path, Component }) => (
              <Route key={path} path={path} element={<Component />} />
            ))}
          </Route>
          <Route path="me/profile" element={<ProfilePage />} />
          <Route path="me/password" element={<PasswordPage />} />
          <Route path="me/devices" element={<DevicesPage />} />
          <Route path="me/delete" element={<DeleteAccountPage />} />
          <Route path="messages/settings" element={<NotificationSettingsPage />} />
          <Route path="messages/:id" element={<NotificationPage />} />
          <Route path="orders/:id/chat" element={<ChatPage />} />
          <Route path="consultations/:id" element={<ConsultationPage />} />
          <Route path="me/emergency-contact" element={<EmergencyContactPage />} />
          <Route path="me/help" element={<HelpPage />} />
          <Route path="me/support" element={<TicketsPage />} />
          <Route path="me/support/new" element={<NewTicketPage />} />
          <Route path="me/support/:id" element={<TicketPage />} />
          <Route path="me/complaints" element={<ComplaintsPage />} />
          {pages.map(({ path, Component }) => (
            <Route key={path} path={path} element={<Component />} />
          ))}
          {hasAddresses && (
            <>
              <Route path="me/addresses" element={<AddressesPage />} />
              <Route path="me/addresses/new" element={<AddressFormPage />} />
              <Route path="me/addresses/:id" element={<AddressFormPage />} />
            </>
          )}
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </>
  );
}
