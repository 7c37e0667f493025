import { Toast } from 'antd-mobile';
import { useEffect } from 'react';
import { useI18n } from '../../shared/i18n';

// Read once at load: the sign-in redirect would otherwise drop the query string.
let pendingFlag = new URLSearchParams(window.location.search).get('emailVerified');

/** After the e-mail link the API redirects to `?emailVerified=1|0`; say so once and clean the URL. */
export function EmailVerifiedNotice() {
  const { t } = useI18n();
  useEffect(() => {
    const flag = pendingFlag;
    if (flag === null) return;
    pendingFlag = null;
    Toast.show({
      icon: flag === '1' ? 'success' : 'fail',
      content: t(flag === '1' ? 'auth.emailVerified' : 'auth.emailVerifyFailed'),
      duration: 3000,
    });
    const url = new URL(window.location.href);
    url.searchParams.delete('emailVerified');
    window.history.replaceState(window.history.state, '', url);
  }, [t]);
  return null;
}
