import type { ReactNode } from 'react';
import { useI18n } from '../../shared/i18n';
import { useUser } from '../session';

interface HomeHeaderProps {
  /** Message keys of the greeting: with the user's `{name}`, and for an account without a name. */
  greeting: readonly [named: string, anonymous: string];
  className?: string;
  /** Shown under the greeting. */
  children?: ReactNode;
}

/** The band atop a portal's home tab that greets the signed-in user. */
export function HomeHeader({ greeting: [named, anonymous], className, children }: HomeHeaderProps) {
  const { t } = useI18n();
  const user = useUser();
  return (
    <header className={className ? `m-home-header ${className}` : 'm-home-header'}>
      <div className="m-home-greeting" data-testid="home-greeting">
        {user.name ? t(named, { name: user.name }) : t(anonymous)}
      </div>
      {children}
    </header>
  );
}
