import { Button, Checkbox, Form, Input, List, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import type { Application, UploadedFile } from '../../shared/worker-types';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { useFormSubmit } from '../../mobile/use-form-submit';
import { useApplication } from '../use-application';
import { DocumentUpload } from './document-upload';

interface IdentityValues {
  realName: string;
  idNumber: string;
  frontFileId: UploadedFile | null;
  backFileId: UploadedFile | null;
  selfieFileId: UploadedFile | null;
  consent: boolean;
}

const FIELDS = ['realName', 'idNumber', 'frontFileId', 'backFileId', 'selfieFileId', 'consent'];

/** 实名认证: real name, ID number, ID photos and a selfie, with a separate consent for sensitive personal information (PIPL). */
export function IdentityStepPage() {
  const { t } = useI18n();
  const loaded = useApplication();
  const [editing, setEditing] = useState(false);
  return (
    <SubPage title={t('step.identity')} back="/">
      <LoadState loaded={loaded}>
        {(app) =>
          app.identity && !editing ? (
            <IdentityResult identity={app.identity} onRedo={() => setEditing(true)} />
          ) : (
            <IdentityForm
              app={app}
              onSaved={() => {
                setEditing(false);
                loaded.reload(true);
              }}
            />
          )
        }
      </LoadState>
    </SubPage>
  );
}

function IdentityResult({ identity, onRedo }: { identity: NonNullable<Application['identity']>; onRedo: () => void }) {
  const { t, lang } = useI18n();
  return (
    <>
      <List mode="card" header={t('identity.verified')} data-testid="identity-result">
        <List.Item extra={identity.realNameMasked}>{t('identity.realName')}</List.Item>
        <List.Item extra={<span data-testid="identity-number-masked">{identity.idNumberMasked}</span>}>{t('identity.idNumber')}</List.Item>
        <List.Item extra={identity.birthDate}>{t('identity.birthDate')}</List.Item>
        <List.Item extra={formatDateTime(identity.consentAt, lang)}>{t('identity.consentAt')}</List.Item>
      </List>
      <p className="m-intro">{t('identity.redoNote')}</p>
      <div className="m-padded">
        <Button block fill="outline" color="primary" onClick={onRedo} data-testid="identity-redo">
          {t('identity.redo')}
        </Button>
      </div>
    </>
  );
}

function IdentityForm({ app, onSaved }: { app: Application; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<IdentityValues>();
  const { submitting, submit } = useFormSubmit(form, FIELDS, async (values: IdentityValues) => {
    await api('/api/worker/identity', {
      method: 'PUT',
      body: {
        realName: values.realName.trim(),
        idNumber: values.idNumber.trim().toUpperCase(),
        frontFileId: values.frontFileId?.fileId,
        backFileId: values.backFileId?.fileId,
        selfieFileId: values.selfieFileId?.fileId,
        consent: values.consent === true,
      },
    });
    const reReview = app.status === 'approved' || app.status === 'rejected';
    Toast.show({ icon: 'success', content: t(reReview ? 'identity.savedReReview' : 'identity.saved'), duration: 2500 });
    onSaved();
  });
  const photo = (field: string) => [{ required: true, message: t('identity.photoRequired', { field: t(field) }) }];

  return (
    <Form
      form={form}
      layout="vertical"
      mode="card"
      className="m-onboarding-form"
      initialValues={{ consent: false }}
      onFinish={submit}
      footer={
        <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="identity-save">
          {t('identity.submit')}
        </Button>
      }
    >
      <Form.Header>{t('identity.intro')}</Form.Header>
      <Form.Item name="realName" label={t('identity.realName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('identity.realName') }) }]}>
        <Input id="real-name" maxLength={30} clearable placeholder={t('identity.realNameHint')} autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('identity.idNumber')}
        rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: t('identity.idNumberInvalid') }]}
      >
        <Input id="id-number" maxLength={18} clearable placeholder={t('identity.idNumberHint')} autoComplete="off" />
      </Form.Item>
      <div className="m-upload-row">
        <Form.Item name="frontFileId" label={t('identity.front')} rules={photo('identity.front')}>
          <DocumentUpload purpose="id_front" label={t('identity.front')} />
        </Form.Item>
        <Form.Item name="backFileId" label={t('identity.back')} rules={photo('identity.back')}>
          <DocumentUpload purpose="id_back" label={t('identity.back')} />
        </Form.Item>
        <Form.Item name="selfieFileId" label={t('identity.selfie')} rules={photo('identity.selfie')}>
          <DocumentUpload purpose="selfie" label={t('identity.selfie')} />
        </Form.Item>
      </div>
      <Form.Item
        name="consent"
        valuePropName="checked"
        rules={[{ validator: (_rule, value) => (value ? Promise.resolve() : Promise.reject(new Error(t('identity.consentRequired')))) }]}
        description={t('identity.consentDetail')}
      >
        <Checkbox data-testid="identity-consent">{t('identity.consent')}</Checkbox>
      </Form.Item>
    </Form>
  );
}
