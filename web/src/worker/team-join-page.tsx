import { Button, Form, Input, Toast } from 'antd-mobile';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { SubPage } from '../mobile/layout/sub-page';
import { useFormSubmit } from '../mobile/use-form-submit';

interface JoinValues {
  inviteCode: string;
}

/** 加入团队: the worker enters the 6-character invite code their team leader shares (`POST /api/worker/team/join`). */
export function TeamJoinPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<JoinValues>();

  const { submitting, submit } = useFormSubmit(
    form,
    ['inviteCode'],
    async (values: JoinValues) => {
      await api('/api/worker/team/join', { body: { inviteCode: values.inviteCode.trim().toUpperCase() } });
      Toast.show({ icon: 'success', content: t('team.joined') });
      navigate('/');
    },
    (error) => {
      // Already in a team (or leading one): the answer has no field, but it is about this code.
      if (!(error instanceof ApiError) || error.code !== 'TEAM_CONFLICT') return false;
      form.setFields([{ name: 'inviteCode', errors: [error.detail || error.title] }]);
      return true;
    },
  );

  return (
    <SubPage title={t('team.join')} back="/">
      <Form
        form={form}
        layout="vertical"
        mode="card"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="team-join-submit">
            {t('team.joinSubmit')}
          </Button>
        }
      >
        <Form.Item
          name="inviteCode"
          label={t('team.inviteCode')}
          description={t('team.joinHint')}
          normalize={(value: string) => value.toUpperCase()}
          rules={[
            { required: true, whitespace: true, message: t('team.codeRequired') },
            { pattern: /^\s*[A-Za-z0-9]{6}\s*$/, message: t('team.codeInvalid') },
          ]}
        >
          <Input id="invite-code" maxLength={6} clearable autoComplete="off" placeholder={t('team.codePlaceholder')} data-testid="team-invite-input" />
        </Form.Item>
      </Form>
    </SubPage>
  );
}
