import './requests.css';
import { Button } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { useI18n } from '../../shared/i18n';

/** The home page's 发布需求: for a job no catalogue item fits. */
export function RequestEntry() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div className="m-request-entry" data-testid="request-entry">
      <div className="m-request-entry-text">
        <div className="m-request-entry-title">{t('requests.entry.title')}</div>
        <div className="m-request-entry-sub">{t('requests.entry.text')}</div>
      </div>
      <Button size="small" color="primary" shape="rounded" onClick={() => navigate('/requests/new')} data-testid="request-entry-button">
        {t('requests.entry.button')}
      </Button>
    </div>
  );
}

/** A category's 发布需求, with the category chosen in the form. */
export function CategoryRequestEntry({ code, name }: { code: string; name: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <button type="button" className="m-request-category-entry" onClick={() => navigate(`/requests/new?category=${encodeURIComponent(code)}`)} data-testid="category-request-entry" data-category={code}>
      {t('requests.entry.category', { category: name })} ›
    </button>
  );
}
