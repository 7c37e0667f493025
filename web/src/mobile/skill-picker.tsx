import './pickers.css';
import { Button, Popup, Selector } from 'antd-mobile';
import { useState } from 'react';
import type { CategoryWithItems } from '../shared/catalog-types';
import { localName, useI18n } from '../shared/i18n';

interface SkillPickerProps {
  categories: CategoryWithItems[];
  /** Item codes. */
  value?: string[];
  onChange?: (codes: string[]) => void;
  /** One item (search filter) or several (a worker's skills). */
  multiple?: boolean;
  placeholder: string;
  testId: string;
}

/** Service items of the catalogue, grouped by category in a bottom sheet; the field shows the chosen names. */
export function SkillPicker({ categories, value = [], onChange, multiple = false, placeholder, testId }: SkillPickerProps) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<string[]>(value);
  const names = new Map(categories.flatMap((category) => category.items.map((item) => [item.code, localName(lang, item)] as const)));
  const chosen = value.map((code) => names.get(code) ?? code);

  function pick(category: CategoryWithItems, codes: string[]) {
    const inCategory = new Set(category.items.map((item) => item.code));
    if (!multiple) {
      setDraft(codes.slice(-1));
      return;
    }
    setDraft([...draft.filter((code) => !inCategory.has(code)), ...codes]);
  }

  return (
    <>
      <div
        className="m-picker-value"
        role="button"
        tabIndex={0}
        data-testid={testId}
        onClick={() => {
          setDraft(value);
          setOpen(true);
        }}
      >
        {chosen.length ? chosen.join('、') : <span className="m-placeholder">{placeholder}</span>}
      </div>
      <Popup visible={open} onMaskClick={() => setOpen(false)} bodyClassName="m-popup m-skill-popup" destroyOnClose>
        <h3 className="m-popup-title">{placeholder}</h3>
        <div className="m-skill-sections">
          {categories.map((category) => (
            <section key={category.code}>
              <div className="m-filter-label">
                {category.icon} {localName(lang, category)}
              </div>
              <Selector
                columns={2}
                multiple
                value={draft.filter((code) => category.items.some((item) => item.code === code))}
                onChange={(codes) => pick(category, codes)}
                options={category.items.map((item) => ({ value: item.code, label: localName(lang, item) }))}
              />
            </section>
          ))}
        </div>
        <div className="m-filter-actions m-popup-actions">
          <Button block onClick={() => setDraft([])}>
            {t('skills.clear')}
          </Button>
          <Button
            block
            color="primary"
            data-testid={`${testId}-confirm`}
            onClick={() => {
              onChange?.(draft);
              setOpen(false);
            }}
          >
            {t('common.confirm')}
          </Button>
        </div>
      </Popup>
    </>
  );
}
