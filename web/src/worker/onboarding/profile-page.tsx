import { Button, Form, Input, Picker, Selector, Stepper, TextArea, Toast } from 'antd-mobile';
import type { PickerRef } from 'antd-mobile';
import type { RefObject } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../../shared/api';
import type { CategoryWithItems } from '../../shared/catalog-types';
import { localName, useI18n } from '../../shared/i18n';
import type { City } from '../../shared/types';
import { useLoad } from '../../shared/use-load';
import type { Application, WorkerType } from '../../shared/worker-types';
import { LoadState } from '../../mobile/layout/load-state';
import { SubPage } from '../../mobile/layout/sub-page';
import { useUser } from '../../mobile/session';
import { SkillPicker } from '../../mobile/skill-picker';
import { useFormSubmit } from '../../mobile/use-form-submit';
import { HomeLocation, type LatLng } from './home-location';

interface ProfileValues {
  workerType: WorkerType[];
  teamName: string;
  displayName: string;
  experienceYears: number;
  previousEmployers: string;
  intro: string;
  skills: string[];
  districtCode: string[];
  home: LatLng | null;
  serviceRadiusKm: number;
  /** 期望薪资 in 元, empty = not stated. */
  rateYuan: string;
  rateUnit: ('hour' | 'day' | 'month')[];
}

const FIELDS = ['workerType', 'teamName', 'displayName', 'experienceYears', 'previousEmployers', 'intro', 'skills', 'districtCode', 'homeLat', 'homeLng', 'serviceRadiusKm', 'rate'];

/** The saved home base, or null when it is the district centre (the default, shown as such). */
function customHome(app: Application, city: City): LatLng | null {
  const { homeLat, homeLng, districtCode } = app.profile;
  if (homeLat === null || homeLng === null) return null;
  const centre = city.districts.find((d) => d.code === districtCode)?.center;
  if (centre && Math.abs(centre[0] - homeLat) < 1e-6 && Math.abs(centre[1] - homeLng) < 1e-6) return null;
  return { lat: homeLat, lng: homeLng };
}

/** The saved display name, or the account name for a new profile. */
function savedDisplayName(app: Application, fallback: string): string {
  return app.profile.displayName || fallback;
}

/** 基本资料: individual or team, name, experience, skills from the catalogue, district, home base and service radius. */
export function ProfileStepPage() {
  const { t } = useI18n();
  const loaded = useLoad(async (signal) => {
    const [app, city, categories] = await Promise.all([
      api<Application>('/api/worker/application', { signal }),
      api<City>('/api/geo/city', { signal }),
      api<CategoryWithItems[]>('/api/catalog/categories', { signal }),
    ]);
    return { app, city, categories };
  }, []);
  return (
    <SubPage title={t('step.profile')} back="/">
      <LoadState loaded={loaded}>{(data) => <ProfileForm {...data} />}</LoadState>
    </SubPage>
  );
}

function ProfileForm({ app, city, categories }: { app: Application; city: City; categories: CategoryWithItems[] }) {
  const { t, lang } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProfileValues>();
  const workerType = Form.useWatch('workerType', form) ?? [app.profile.workerType];
  const districtCode = (Form.useWatch('districtCode', form) as string[] | undefined)?.[0];
  const displayName = (Form.useWatch('displayName', form) as string | undefined) ?? savedDisplayName(app, user.name);
  const district = city.districts.find((entry) => entry.code === districtCode);
  const p = app.profile;

  const { submitting, submit } = useFormSubmit(form, [...FIELDS, 'home'], async (values: ProfileValues) => {
    const home = values.home ?? (district ? { lat: district.center[0], lng: district.center[1] } : null);
    const team = values.workerType[0] === 'team';
    await api('/api/worker/profile', {
      method: 'PUT',
      body: {
        workerType: values.workerType[0] ?? 'individual',
        ...(team && values.teamName?.trim() ? { teamName: values.teamName.trim() } : {}),
        displayName: values.displayName.trim(),
        experienceYears: values.experienceYears,
        previousEmployers: (values.previousEmployers ?? '').split('\n').map((line) => line.trim()).filter(Boolean),
        intro: (values.intro ?? '').trim(),
        skills: values.skills,
        districtCode: values.districtCode[0],
        homeLat: home?.lat,
        homeLng: home?.lng,
        serviceRadiusKm: values.serviceRadiusKm,
        rate: values.rateYuan?.trim() ? { fen: Math.round(Number(values.rateYuan) * 100), unit: values.rateUnit[0] ?? 'hour' } : null,
      },
    });
    Toast.show({ icon: 'success', content: t('common.saved') });
    navigate('/');
  }, (error) => {
    // A member of someone else's team cannot lead one: shown under 入驻类型.
    if (!(error instanceof ApiError) || error.code !== 'TEAM_CONFLICT') return false;
    form.setFields([{ name: 'workerType', errors: [error.detail || error.title] }]);
    return true;
  });

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field: t(field) }) });
  return (
    <Form
      form={form}
      layout="horizontal"
      mode="card"
      className="m-onboarding-form"
      initialValues={{
        workerType: [p.workerType],
        teamName: p.team?.name ?? '',
        displayName: savedDisplayName(app, user.name),
        experienceYears: p.experienceYears,
        previousEmployers: p.previousEmployers.join('\n'),
        intro: p.intro,
        skills: p.skills.map((skill) => skill.code),
        districtCode: p.districtCode ? [p.districtCode] : [],
        home: customHome(app, city),
        serviceRadiusKm: p.serviceRadiusKm ?? 10,
        rateYuan: p.rate ? String(p.rate.fen / 100) : '',
        rateUnit: [p.rate?.unit ?? 'hour'],
      }}
      onFinish={submit}
      footer={
        <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="profile-step-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form.Item
        name="workerType"
        label={t('profile.workerType')}
        description={p.team?.role === 'leader' && workerType[0] === 'individual' ? <span data-testid="team-dissolve-warning">{t('profile.teamDissolveHint')}</span> : undefined}
      >
        <Selector columns={2} options={(['individual', 'team'] as const).map((value) => ({ value, label: t(`workerType.${value}`) }))} data-testid="worker-type" />
      </Form.Item>
      {workerType[0] === 'team' && (
        <Form.Item name="teamName" label={t('profile.teamName')} description={t('profile.teamNameHint')}>
          <Input id="team-name" maxLength={30} clearable placeholder={t('profile.teamNameDefault', { name: displayName.trim() || t('profile.displayName') })} />
        </Form.Item>
      )}
      <Form.Item name="displayName" label={t('profile.displayName')} rules={[required('profile.displayName')]} description={t('profile.displayNameHint')}>
        <Input id="display-name" maxLength={20} clearable placeholder={t('profile.displayName')} />
      </Form.Item>
      <Form.Item name="experienceYears" label={t('profile.experienceYears')} childElementPosition="right">
        <Stepper min={0} max={60} digits={0} data-testid="experience-years" />
      </Form.Item>
      <Form.Item name="skills" label={t('profile.skills')} rules={[{ required: true, type: 'array', min: 1, message: t('profile.skillsRequired') }]}>
        <SkillPicker categories={categories} multiple placeholder={t('profile.skillsPick')} testId="skills-picker" />
      </Form.Item>
      <Form.Item
        name="districtCode"
        label={t('profile.district')}
        trigger="onConfirm"
        arrow
        rules={[{ required: true, type: 'array', min: 1, message: t('profile.districtPick') }]}
        onClick={(_event, picker: RefObject<PickerRef>) => picker.current?.open()}
        data-testid="district-picker"
      >
        <Picker columns={[city.districts.map((entry) => ({ label: localName(lang, entry), value: entry.code }))]} confirmText={t('common.confirm')} cancelText={t('common.cancel')}>
          {(items) => items[0]?.label ?? <span className="m-placeholder">{t('profile.districtPick')}</span>}
        </Picker>
      </Form.Item>
      <Form.Item name="home" label={t('profile.home')}>
        <HomeLocation district={district} />
      </Form.Item>
      <Form.Item name="serviceRadiusKm" label={t('profile.radius')} childElementPosition="right" description={t('profile.radiusHint')}>
        <Stepper min={1} max={50} digits={0} data-testid="service-radius" />
      </Form.Item>
      <Form.Item name="rateYuan" label={t('profile.rate')} description={t('profile.rateHint')} rules={[{ pattern: /^\d{1,6}(\.\d{1,2})?$/, message: t('profile.rateInvalid') }]}>
        <Input id="rate-yuan" type="number" inputMode="decimal" placeholder={t('profile.ratePlaceholder')} clearable />
      </Form.Item>
      <Form.Item name="rateUnit" label={t('profile.rateUnit')}>
        <Selector columns={3} options={(['hour', 'day', 'month'] as const).map((unit) => ({ value: unit, label: t(`profile.rateUnit.${unit}`) }))} data-testid="rate-unit" />
      </Form.Item>
      <Form.Item name="previousEmployers" label={t('profile.previousEmployers')} layout="vertical">
        <TextArea id="previous-employers" placeholder={t('profile.previousEmployersHint')} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item name="intro" label={t('profile.intro')} layout="vertical">
        <TextArea id="intro" placeholder={t('profile.introHint')} maxLength={500} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
      </Form.Item>
    </Form>
  );
}
