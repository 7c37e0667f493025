import './auth.css';
import { useI18n } from '../../shared/i18n';
import { LanguageSwitch } from '../layout/language-switch';
import { usePortal } from '../portal';

/** Brand, portal name and the language switch above the sign-in forms. */
export function AuthHeader() {
  const { t } = useI18n();
  const { titleKey } = usePortal();
  return (
    <header className="m-auth-header">
      <div className="m-auth-lang">
        <LanguageSwitch />
      </div>
      <div className="m-logo" aria-hidden="true">
        家
      </div>
      <h1 className="m-auth-title">{t('app.brand')}</h1>
      <p className="m-auth-subtitle">{t(titleKey)}</p>
    </header>
  );
}
