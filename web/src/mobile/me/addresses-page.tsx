import { Button, List, Tag } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { Address } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import { LoadState } from '../layout/load-state';
import { SubPage } from '../layout/sub-page';

export function AddressesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const loaded = useLoad((signal) => api<Address[]>('/api/me/addresses', { signal }), []);

  return (
    <SubPage title={t('me.addresses')}>
      <LoadState loaded={loaded}>
        {(addresses) =>
          addresses.length === 0 ? (
            <p className="m-empty">{t('address.empty')}</p>
          ) : (
            <List mode="card" data-testid="address-list">
              {addresses.map((address) => (
                <List.Item
                  key={address.id}
                  onClick={() => navigate(`/me/addresses/${address.id}`)}
                  title={
                    <span className="m-address-tags">
                      <Tag color="primary" fill="outline">
                        {address.label}
                      </Tag>
                      {address.isDefault && <Tag color="warning">{t('address.default')}</Tag>}
                    </span>
                  }
                  description={`${address.contactName} ${address.contactPhoneMasked}`}
                >
                  {address.districtName} {address.detail}
                </List.Item>
              ))}
            </List>
          )
        }
      </LoadState>
      <div className="m-padded">
        <Button block color="primary" size="large" onClick={() => navigate('/me/addresses/new')} data-testid="address-add">
          {t('address.add')}
        </Button>
      </div>
    </SubPage>
  );
}
