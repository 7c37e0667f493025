import { Button, Form, Input, List, Selector, Toast } from 'antd-mobile';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { Gender, User } from '../../shared/types';
import { SubPage } from '../layout/sub-page';
import { useSession, useUser } from '../session';
import { useFormSubmit } from '../use-form-submit';
import { AvatarPicker } from './avatar-picker';

interface ProfileValues {
  name: string;
  gender: Gender[];
}

const GENDERS: Gender[] = ['male', 'female', 'undisclosed'];

export function ProfilePage() {
  const { t } = useI18n();
  const user = useUser();
  const { setUser } = useSession();
  const [form] = Form.useForm<ProfileValues>();
  const { submitting: saving, submit: save } = useFormSubmit(form, ['name', 'gender'], async (values: ProfileValues) => {
    const updated = await api<User>('/api/me', { method: 'PATCH', body: { name: values.name.trim(), gender: values.gender[0] ?? user.gender } });
    setUser(updated);
    Toast.show({ icon: 'success', content: t('common.saved') });
  });

  return (
    <SubPage title={t('me.profile')}>
      <AvatarPicker />
      <Form
        form={form}
        layout="horizontal"
        mode="card"
        className="m-profile-form"
        initialValues={{ name: user.name, gender: [user.gender] }}
        onFinish={save}
        footer={
          <Button block type="submit" color="primary" size="large" loading={saving} data-testid="profile-save">
            {t('common.save')}
          </Button>
        }
      >
        <Form.Item name="name" label={t('profile.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('profile.name') }) }]}>
          <Input id="profile-name" placeholder={t('profile.namePlaceholder')} maxLength={40} clearable />
        </Form.Item>
        <Form.Item name="gender" label={t('profile.gender')}>
          <Selector options={GENDERS.map((value) => ({ value, label: t(`gender.${value}`) }))} />
        </Form.Item>
      </Form>
      <List mode="card">
        <List.Item extra={user.phoneMasked ?? t('common.none')}>{t('profile.phone')}</List.Item>
        <List.Item extra={user.email ? `${user.email}${user.emailVerified ? '' : t('profile.emailUnverified')}` : t('common.none')}>
          {t('profile.email')}
        </List.Item>
      </List>
    </SubPage>
  );
}
