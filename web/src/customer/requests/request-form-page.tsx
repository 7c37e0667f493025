import './requests.css';
import { ErrorBlock } from 'antd-mobile';
import { useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../shared/api';
import type { CategoryWithItems } from '../../shared/catalog-types';
import { useI18n } from '../../shared/i18n';
import type { Address } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { requestsApi } from './request-api';
import { RequestForm } from './request-form';

/** `/requests/new` (`?category=` from a category page) and `/requests/:id/edit` (drafts only). */
export function RequestFormPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const category = useSearchParams()[0].get('category');
  const loaded = useLoad(async (signal) => {
    const [categories, addresses, existing] = await Promise.all([
      api<CategoryWithItems[]>('/api/catalog/categories', { signal }),
      api<Address[]>('/api/me/addresses', { signal }),
      id ? requestsApi.get(id, signal) : Promise.resolve(null),
    ]);
    return { categories, addresses, existing };
  }, [id]);
  const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
  return (
    <SubPage title={t(id ? 'requests.edit' : 'requests.new')} back={id ? `/requests/${id}` : category ? '/' : '/me/requests'}>
      {notFound ? (
        <ErrorBlock status="empty" title={t('request.notFound')} description="" />
      ) : (
        <LoadState loaded={loaded}>
          {(data) =>
            data.existing && data.existing.status !== 'draft' ? (
              <ErrorBlock status="default" title={t('requests.form.notDraft')} description="" />
            ) : (
              <RequestForm existing={data.existing} categories={data.categories} addresses={data.addresses} category={category} />
            )
          }
        </LoadState>
      )}
    </SubPage>
  );
}
