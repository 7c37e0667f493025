import { AppstoreOutlined, LoginOutlined, MessageOutlined, TagsOutlined, TeamOutlined, ToolOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Statistic } from 'antd';
import type { ReactNode } from 'react';
import { api, errorText } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { Overview } from '../../shared/types';
import { useLoad } from '../../shared/use-load';

const CARDS: { key: keyof Overview; icon: ReactNode; color: string }[] = [
  { key: 'customers', icon: <TeamOutlined />, color: '#ff6a00' },
  { key: 'workers', icon: <ToolOutlined />, color: '#1677ff' },
  { key: 'categories', icon: <AppstoreOutlined />, color: '#13a8a8' },
  { key: 'items', icon: <TagsOutlined />, color: '#722ed1' },
  { key: 'signInsToday', icon: <LoginOutlined />, color: '#52c41a' },
  { key: 'smsToday', icon: <MessageOutlined />, color: '#fa8c16' },
];

export function OverviewPage() {
  const { t } = useI18n();
  const loaded = useLoad((signal) => api<Overview>('/api/admin/overview', { signal }), []);
  if (loaded.error) return <Alert type="error" showIcon title={t('common.loadFailed')} description={errorText(loaded.error, '')} />;
  return (
    <Row gutter={[16, 16]} data-testid="overview">
      {CARDS.map(({ key, icon, color }) => (
        <Col key={key} xs={24} sm={12} xl={8}>
          <Card loading={loaded.loading && !loaded.data}>
            <Statistic title={t(`overview.${key}`)} value={loaded.data?.[key] ?? 0} prefix={<span style={{ color }}>{icon}</span>} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
