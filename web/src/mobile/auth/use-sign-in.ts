import { Toast } from 'antd-mobile';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n';
import type { LoginAnswer } from '../../shared/types';
import { useSession } from '../session';

/** Finishes a successful sign-in: stores the user and returns to the page that asked for it. */
export function useSignedIn(): (answer: LoginAnswer) => void {
  const { setUser } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  return (answer) => {
    setUser(answer.user);
    Toast.show({ icon: 'success', content: t(answer.created ? 'auth.welcomeNew' : 'auth.welcomeBack') });
    const from = (location.state as { from?: string } | null)?.from;
    navigate(from && from !== '/login' ? from : '/', { replace: true });
  };
}
