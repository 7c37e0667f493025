import { Button, Dialog, Form, Image, ImageViewer, Input, Selector, Tag, Toast } from 'antd-mobile';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { PortfolioPhoto, UploadedFile } from '../../shared/worker-types';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { useFailureToast, useFormSubmit } from '../../mobile/use-form-submit';
import { useApplication } from '../use-application';
import { DocumentUpload } from './document-upload';

interface PhotoValues {
  fileId: UploadedFile | null;
  stage: ('before' | 'after')[];
  caption: string;
}

/** 作品集: before/after photos of my work, with captions, shown on my public profile. */
export function PortfolioStepPage() {
  const { t } = useI18n();
  const loaded = useApplication();
  const showFailure = useFailureToast();
  const [form] = Form.useForm<PhotoValues>();
  const { submitting, submit } = useFormSubmit(form, ['fileId', 'caption', 'stage'], async (values: PhotoValues) => {
    await api('/api/worker/portfolio', { body: { fileId: values.fileId?.fileId, caption: (values.caption ?? '').trim(), stage: values.stage[0] ?? 'after' } });
    Toast.show({ icon: 'success', content: t('portfolio.added') });
    form.resetFields();
    loaded.reload(true);
  });

  async function remove(photo: PortfolioPhoto) {
    const confirmed = await Dialog.confirm({ content: t('portfolio.deleteConfirm'), confirmText: t('common.delete'), cancelText: t('common.cancel') });
    if (!confirmed) return;
    try {
      await api(`/api/worker/portfolio/${photo.id}`, { method: 'DELETE' });
      loaded.reload(true);
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <SubPage title={t('step.portfolio')} back="/">
      <LoadState loaded={loaded}>
        {(app) => (
          <div className="m-portfolio-grid" data-testid="portfolio-grid">
            {app.portfolio.length === 0 && <p className="m-empty">{t('portfolio.empty')}</p>}
            {app.portfolio.map((photo, index) => (
              <figure key={photo.id} className="m-portfolio-item" data-testid="portfolio-item">
                <Image src={photo.url} fit="cover" onClick={() => ImageViewer.Multi.show({ images: app.portfolio.map((p) => p.url), defaultIndex: index })} />
                <figcaption>
                  <Tag color={photo.stage === 'before' ? 'default' : 'success'}>{t(`portfolio.${photo.stage}`)}</Tag> {photo.caption}
                </figcaption>
                <Button size="mini" color="danger" fill="none" onClick={() => remove(photo)}>
                  {t('common.delete')}
                </Button>
              </figure>
            ))}
          </div>
        )}
      </LoadState>
      <Form
        form={form}
        layout="vertical"
        mode="card"
        className="m-onboarding-form"
        initialValues={{ fileId: null, stage: ['after'], caption: '' }}
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" loading={submitting} data-testid="portfolio-save">
            {t('portfolio.add')}
          </Button>
        }
      >
        <Form.Header>{t('portfolio.add')}</Form.Header>
        <Form.Item name="fileId" label={t('portfolio.photo')} rules={[{ required: true, message: t('portfolio.photoRequired') }]}>
          <DocumentUpload purpose="portfolio" label={t('portfolio.photo')} />
        </Form.Item>
        <Form.Item name="stage" label={t('portfolio.stage')}>
          <Selector columns={2} options={(['before', 'after'] as const).map((value) => ({ value, label: t(`portfolio.${value}`) }))} />
        </Form.Item>
        <Form.Item name="caption" label={t('portfolio.caption')}>
          <Input id="portfolio-caption" maxLength={100} clearable placeholder={t('portfolio.captionHint')} />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
