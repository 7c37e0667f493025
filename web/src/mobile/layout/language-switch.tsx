import './language-switch.css';
import { Selector } from 'antd-mobile';
import { useI18n, type Lang } from '../../shared/i18n';

/** 中文 / English; the choice is kept in localStorage `dj_lang`. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Selector<Lang>
      className="m-lang-switch"
      data-testid="lang-switch"
      aria-label={t('lang.title')}
      showCheckMark={false}
      value={[lang]}
      onChange={(values) => values[0] && setLang(values[0])}
      options={[
        { label: t('lang.zh'), value: 'zh-CN' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
