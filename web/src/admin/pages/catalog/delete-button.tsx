import { App, Button, Popconfirm } from 'antd';
import { api, errorText } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';

/** Deletes after a confirmation; the API refuses (IN_USE) what is still referenced, and the message says to unpublish. */
export function DeleteButton({ url, name, onDone, testId }: { url: string; name: string; onDone: () => void; testId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  async function remove() {
    try {
      await api(url, { method: 'DELETE' });
      message.success(t('catalog.deleted'));
      onDone();
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    }
  }
  return (
    <Popconfirm title={t('catalog.deleteConfirm', { name })} okText={t('catalog.delete')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onConfirm={remove}>
      <Button type="link" size="small" danger data-testid={testId}>{t('catalog.delete')}</Button>
    </Popconfirm>
  );
}
