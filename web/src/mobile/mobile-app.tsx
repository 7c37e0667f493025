import './render-compat';
import './mobile.css';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { useMemo, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { I18nProvider, useI18n, type Messages } from '../shared/i18n';
import { EmailVerifiedNotice } from './auth/email-verified-notice';
import { meMessages } from './me/messages';
import { mobileMessages } from './messages';
import { MobileRoutes } from './mobile-routes';
import { PortalContext, type MobilePortal } from './portal';
import { SessionProvider } from './session';

function LocalisedComponents({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return <ConfigProvider locale={lang === 'en' ? enUS : zhCN}>{children}</ConfigProvider>;
}

/** The H5 shell shared by the customer (`/`) and worker (`/worker/`) portals. */
export function MobileApp({ portal, messages }: { portal: MobilePortal; messages: Messages }) {
  const allMessages = useMemo(() => ({ ...mobileMessages, ...meMessages, ...messages }), [messages]);
  return (
    <I18nProvider messages={allMessages}>
      <LocalisedComponents>
        <PortalContext.Provider value={portal}>
          <BrowserRouter basename={portal.basename}>
            <SessionProvider role={portal.role}>
              <EmailVerifiedNotice />
              <div className="m-shell">
                <MobileRoutes />
              </div>
            </SessionProvider>
          </BrowserRouter>
        </PortalContext.Provider>
      </LocalisedComponents>
    </I18nProvider>
  );
}
