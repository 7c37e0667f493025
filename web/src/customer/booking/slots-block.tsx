import { Button, DotLoading } from 'antd-mobile';
import { ApiError, errorText } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { SlotAnswer } from '../../shared/order-types';
import type { Loaded } from '../../shared/use-load';
import { SlotCalendar } from './slot-calendar';

/** The calendar with its loading and failure states; ADDRESS_NOT_COVERED is explained rather than shown as a failure. */
export function SlotsBlock({ loaded, value, onChange, waiting }: {
  loaded: Loaded<SlotAnswer | null>;
  value: string | null;
  onChange: (start: string) => void;
  /** Shown instead of the calendar when there is nothing to ask yet (no address chosen). */
  waiting: string;
}) {
  const { t } = useI18n();
  if (loaded.loading) {
    return (
      <div className="m-center">
        <DotLoading color="primary" />
      </div>
    );
  }
  if (loaded.error) {
    const notCovered = loaded.error instanceof ApiError && loaded.error.code === 'ADDRESS_NOT_COVERED';
    return (
      <div className="m-book-alert" data-testid={notCovered ? 'slots-not-covered' : 'slots-error'}>
        {notCovered ? t('book.notCovered') : failureText(loaded.error, t('common.loadFailed'))}
        {!notCovered && (
          <div className="m-book-alternatives">
            <Button size="small" onClick={() => loaded.reload()}>
              {t('common.retry')}
            </Button>
          </div>
        )}
      </div>
    );
  }
  if (!loaded.data) return <p className="m-slots-empty">{waiting}</p>;
  return <SlotCalendar answer={loaded.data} value={value} onChange={onChange} />;
}

function failureText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return errorText(error, fallback);
  return error instanceof Error && error.message ? error.message : fallback;
}

/** Whether `start` is still offered by `answer` (a day's slot or 尽快上门). */
export function offers(answer: SlotAnswer, start: string): boolean {
  const at = new Date(start).getTime();
  if (answer.asap && new Date(answer.asap.start).getTime() === at) return true;
  return answer.days.some((day) => day.slots.some((slot) => new Date(slot.start).getTime() === at));
}
