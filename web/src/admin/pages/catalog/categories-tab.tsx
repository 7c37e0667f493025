import { DeleteButton } from './delete-button';
import { App, Button, Form, Input, Modal, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../../shared/api';
import type { AdminCatalog, AdminCategory } from '../../../shared/catalog-types';
import { useI18n } from '../../../shared/i18n';
import { useFormModal } from '../../use-form-modal';

interface CategoryForm {
  code?: string;
  name: string;
  nameEn: string;
  icon?: string;
  published?: boolean;
}

function CategoryModal({ category, onClose }: { category?: AdminCategory; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryForm>();
  const modalProps = useFormModal(form, ['code', 'name', 'nameEn', 'icon'], onClose, async (values) => {
    const body = { name: values.name.trim(), nameEn: values.nameEn.trim(), icon: values.icon?.trim() ?? '' };
    if (category) await api(`/api/admin/catalog/categories/${category.id}`, { method: 'PATCH', body });
    else await api('/api/admin/catalog/categories', { body: { ...body, code: values.code?.trim(), published: values.published ?? false } });
    message.success(t('common.saved'));
    onClose(true);
  });
  const required = (key: string) => [{ required: true, whitespace: true, message: t('form.required', { field: t(key) }) }];
  return (
    <Modal title={category ? t('category.editTitle') : t('category.create')} {...modalProps}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={category ? { name: category.name, nameEn: category.nameEn, icon: category.icon } : { published: false }}>
        {!category && (
          <Form.Item name="code" label={t('form.code')} extra={t('form.codeHint')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('form.codeHint') }]}>
            <Input id="category-code" maxLength={40} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('form.name')} rules={required('form.name')}>
          <Input id="category-name" maxLength={20} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('form.nameEn')} rules={required('form.nameEn')}>
          <Input id="category-name-en" maxLength={40} />
        </Form.Item>
        <Form.Item name="icon" label={t('category.icon')}>
          <Input id="category-icon" maxLength={8} style={{ width: 120 }} />
        </Form.Item>
        {!category && (
          <Form.Item name="published" label={t('form.published')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Categories: create, rename, publish / unpublish. */
export function CategoriesTab({ catalog, canWrite, reload }: { catalog: AdminCatalog; canWrite: boolean; reload: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<{ category?: AdminCategory } | null>(null);

  async function setPublished(category: AdminCategory, published: boolean) {
    try {
      await api(`/api/admin/catalog/categories/${category.id}`, { method: 'PATCH', body: { published } });
      message.success(t('common.saved'));
    } catch (error) {
      message.error(errorText(error, t('common.failed')));
    }
    reload();
  }

  const columns: TableColumnsType<AdminCategory> = [
    { title: t('category.icon'), dataIndex: 'icon', width: 70, render: (icon: string) => <span className="a-category-icon">{icon}</span> },
    { title: t('catalog.code'), dataIndex: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { title: t('form.name'), dataIndex: 'name' },
    { title: t('form.nameEn'), dataIndex: 'nameEn' },
    { title: t('category.items'), key: 'items', align: 'right', render: (_value, category) => category.items.length },
    {
      title: t('catalog.publishedColumn'),
      key: 'published',
      render: (_value, category) => <Switch size="small" checked={category.published} disabled={!canWrite} onChange={(checked) => setPublished(category, checked)} data-testid={`category-publish-${category.code}`} />,
    },
    ...(canWrite
      ? [{
          title: t('common.actions'), key: 'actions', render: (_value: unknown, category: AdminCategory) => (
            <>
              <Button type="link" size="small" onClick={() => setDialog({ category })}>{t('category.rename')}</Button>
              <DeleteButton url={`/api/admin/catalog/categories/${category.id}`} name={category.name} onDone={reload} testId={`category-delete-${category.code}`} />
            </>
          ),
        }]
      : []),
  ];

  return (
    <>
      {canWrite && (
        <div className="a-toolbar">
          <span className="a-toolbar-spacer" />
          <Button type="primary" onClick={() => setDialog({})} data-testid="category-create">
            {t('category.create')}
          </Button>
        </div>
      )}
      <Table<AdminCategory> rowKey="id" data-testid="categories-table" columns={columns} dataSource={catalog.categories} pagination={false} />
      {dialog && (
        <CategoryModal
          category={dialog.category}
          onClose={(changed) => {
            setDialog(null);
            if (changed) reload();
          }}
        />
      )}
    </>
  );
}
