import { Selector, TextArea } from 'antd-mobile';
import { useI18n } from '../../shared/i18n';

export interface ReasonValue {
  preset: string | null;
  text: string;
}

export const NO_REASON: ReasonValue = { preset: null, text: '' };

/** The reason to send: the chosen preset's text, with anything typed after it; '' when nothing is given. */
export function reasonText(t: (key: string) => string, value: ReasonValue): string {
  const preset = value.preset && value.preset !== 'other' ? t(value.preset) : '';
  const text = value.text.trim();
  return [preset, text].filter(Boolean).join('：');
}

/** Preset reasons (message keys, the last one `other`) and a free text, e.g. for a cancellation. */
export function ReasonPicker({ presets, value, onChange, testId, placeholder }: {
  presets: string[];
  value: ReasonValue;
  onChange: (value: ReasonValue) => void;
  testId: string;
  placeholder: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Selector
        columns={2}
        showCheckMark={false}
        value={value.preset ? [value.preset] : []}
        onChange={(values) => onChange({ ...value, preset: values[0] ?? null })}
        options={presets.map((key) => ({ label: t(key), value: key }))}
        data-testid={testId}
      />
      <TextArea
        value={value.text}
        onChange={(text) => onChange({ ...value, text })}
        placeholder={placeholder}
        maxLength={200}
        autoSize={{ minRows: 2, maxRows: 4 }}
        className="m-reason-text"
        data-testid={`${testId}-text`}
      />
    </>
  );
}
