import './render-compat';
import './mobile.css';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { useMemo, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { api } from '../shared/api';
import { I18nProvider, useI18n, type Messages } from '../shared/i18n';
import { LiveEventsProvider } from '../shared/live-events';
import { EmailVerifiedNotice } from './auth/email-verified-notice';
import { chatMessages } from './chat/messages';
import { complaintMessages } from './complaints/messages';
import { consultMessages } from './consult/messages';
import { meMessages } from './me/messages';
import { mobileMessages } from './messages';
import { disputeMessages } from './disputes/messages';
import { notificationMessages } from './notifications/messages';
import { MobileRoutes } from './mobile-routes';
import { PortalContext, type MobilePortal } from './portal';
import { SessionProvider, useSession } from './session';
import { PolicyUpdateGate } from './auth/policy-update-gate';
import { safetyMessages } from './safety/messages';
import { supportMessages } from './support/messages';

function LocalisedComponents({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return <ConfigProvider locale={lang === 'en' ? enUS : zhCN}>{children}</ConfigProvider>;
}

/** Whether a closed stream means the session ended: a 401 here signs the portal out (and so closes the stream). */
function checkSession() {
  api('/api/me').catch(() => undefined);
}

/** One live event stream per tab while signed in; signing out closes it. */
function LiveEvents({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return (
    <LiveEventsProvider url="/api/events/stream" enabled={Boolean(user)} onClosed={checkSession}>
      {children}
    </LiveEventsProvider>
  );
}

/** The portal's background work while signed in (e.g. the worker's location trail). */
function PortalBackground({ portal }: { portal: MobilePortal }) {
  const { user } = useSession();
  const Background = portal.Background;
  return user && Background ? <Background /> : null;
}

/** The H5 shell shared by the customer (`/`) and worker (`/worker/`) portals. */
export function MobileApp({ portal, messages }: { portal: MobilePortal; messages: Messages }) {
  const allMessages = useMemo(() => ({ ...mobileMessages, ...disputeMessages, ...meMessages, ...notificationMessages, ...chatMessages, ...consultMessages, ...supportMessages, ...safetyMessages, ...complaintMessages, ...messages }), [messages]);
  return (
    <I18nProvider messages={allMessages}>
      <LocalisedComponents>
        <PortalContext.Provider value={portal}>
          <BrowserRouter basename={portal.basename}>
            <SessionProvider role={portal.role}>
              <LiveEvents>
                <EmailVerifiedNotice />
                <PolicyUpdateGate />
                <PortalBackground portal={portal} />
                <div className="m-shell">
                  <MobileRoutes />
                </div>
              </LiveEvents>
            </SessionProvider>
          </BrowserRouter>
        </PortalContext.Provider>
      </LocalisedComponents>
    </I18nProvider>
  );
}
