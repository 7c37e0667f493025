import './admin.css';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { I18nProvider, useI18n } from '../shared/i18n';
import { AdminRoutes } from './admin-routes';
import { adminMessages } from './messages';
import { AdminSessionProvider } from './session';

const theme = { token: { colorPrimary: '#ff6a00', borderRadius: 6 } };

function LocalisedComponents({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** 平台管理端: the admin console at `/admin/`. */
export default function AdminApp() {
  return (
    <I18nProvider messages={adminMessages}>
      <LocalisedComponents>
        <BrowserRouter basename="/admin">
          <AdminSessionProvider>
            <AdminRoutes />
          </AdminSessionProvider>
        </BrowserRouter>
      </LocalisedComponents>
    </I18nProvider>
  );
}
