import './support.css';
import { Button, Collapse, SearchBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';
import { usePortal } from '../portal';
import type { HelpArticle } from './support-types';

const SEARCH_DELAY_MS = 300;

function byCategory(items: HelpArticle[]): [string, HelpArticle[]][] {
  const groups = new Map<string, HelpArticle[]>();
  for (const item of items) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  return [...groups];
}

/** `/me/help` 帮助中心: this portal's questions by group, searchable, each answer expands; 联系客服 at the foot. */
export function HelpPage() {
  const { t, lang } = useI18n();
  const { role } = usePortal();
  const navigate = useNavigate();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const loaded = useLoad((signal) => api<{ items: HelpArticle[] }>('/api/help', { query: { audience: role, q }, signal }), [role, q, lang]);

  return (
    <SubPage title={t('help.title')}>
      <div className="m-help-search">
        <SearchBar placeholder={t('help.search')} value={typed} onChange={setTyped} onSearch={(value) => setQ(value.trim())} maxLength={40} data-testid="help-search" />
      </div>
      <LoadState loaded={loaded}>
        {({ items }) => (
          <div className="m-help" data-testid="help-list" data-count={items.length} data-q={q}>
            {items.length === 0 && <p className="m-empty">{t('help.empty')}</p>}
            {byCategory(items).map(([category, articles]) => (
              <section key={category} className="m-help-group">
                <div className="m-help-category">{category}</div>
                <Collapse>
                  {articles.map((article) => (
                    <Collapse.Panel key={article.id} title={<span data-testid="help-question">{article.question}</span>}>
                      <div className="m-help-answer" data-testid="help-answer">
                        {article.answer}
                      </div>
                    </Collapse.Panel>
                  ))}
                </Collapse>
              </section>
            ))}
          </div>
        )}
      </LoadState>
      <div className="m-padded">
        <Button block color="primary" fill="outline" onClick={() => navigate('/me/support')} data-testid="help-contact">
          {t('help.contact')}
        </Button>
      </div>
    </SubPage>
  );
}
