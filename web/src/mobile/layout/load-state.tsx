import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import type { ReactNode } from 'react';
import { errorText } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { Loaded } from '../../shared/use-load';

/** Shows a spinner until the data is there, an error block with retry when it failed, else the content. */
export function LoadState<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.data !== undefined) return <>{children(loaded.data)}</>;
  if (loaded.error) {
    return (
      <ErrorBlock status="default" title={t('common.loadFailed')} description={errorText(loaded.error, '')}>
        <Button color="primary" size="small" onClick={() => loaded.reload()}>
          {t('common.retry')}
        </Button>
      </ErrorBlock>
    );
  }
  return (
    <div className="m-center">
      <DotLoading color="primary" />
    </div>
  );
}
