import { useParams } from 'react-router';
import { api } from '../shared/api';
import type { Quote } from '../shared/catalog-types';
import { useI18n } from '../shared/i18n';
import { useLoad } from '../shared/use-load';
import { LoadState } from '../mobile/layout/load-state';
import { SubPage } from '../mobile/layout/sub-page';
import { QuoteView } from './quote-view';

/** `/quote/:id`: one of my stored quotes, exactly as it was priced. */
export function QuotePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const loaded = useLoad((signal) => api<Quote>(`/api/catalog/quotes/${encodeURIComponent(id)}`, { signal }), [id]);
  return (
    <SubPage title={t('quote.pageTitle')} back="/">
      <LoadState loaded={loaded}>{(quote) => <QuoteView quote={quote} />}</LoadState>
    </SubPage>
  );
}
