import { Toast } from 'antd-mobile';
import { useRef, useState } from 'react';
import { ApiError } from '../../shared/api';
import type { Quote } from '../../shared/catalog-types';
import { useI18n } from '../../shared/i18n';
import { useFailureToast } from '../../mobile/use-form-submit';
import { requote } from './requote';

/** What a refused coupon says (422 COUPON_NOT_APPLICABLE with its reason, 409 COUPON_UNAVAILABLE), in the user's language; null for other errors. */
export function couponRefusal(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  return error.code === 'COUPON_NOT_APPLICABLE' || error.code === 'COUPON_UNAVAILABLE' ? error.title : null;
}

/**
 * The booking's current quote and its coupon. Every re-quote (another time, another coupon) keeps the chosen
 * coupon; when the new time makes it inapplicable it is dropped with a toast and the visit priced without it.
 * Only the latest pricing call counts (`repricing` while it runs).
 */
export function useBookingQuote(base: Quote, onPriceFailed: () => void) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [quote, setQuote] = useState(base);
  const [couponId, setCouponId] = useState<string | null>(null);
  const [repricing, setRepricing] = useState(false);
  const round = useRef(0);
  // The chosen coupon for calls made before the next render.
  const coupon = useRef<string | null>(null);

  function keepCoupon(id: string | null) {
    coupon.current = id;
    setCouponId(id);
  }

  async function pricing<T>(work: (latest: () => boolean) => Promise<T>): Promise<T> {
    const mine = ++round.current;
    const latest = () => mine === round.current;
    setRepricing(true);
    try {
      return await work(latest);
    } finally {
      if (latest()) setRepricing(false);
    }
  }

  /** Prices the visit at `at` with the chosen coupon; null when it failed (shown, and `onPriceFailed` called). */
  function price(at: string): Promise<Quote | null> {
    return pricing(async (latest) => {
      const held = coupon.current;
      try {
        let next: Quote;
        try {
          next = await requote(base, at, held);
        } catch (error) {
          const refusal = held ? couponRefusal(error) : null;
          if (!refusal) throw error;
          next = await requote(base, at, null);
          if (latest()) {
            keepCoupon(null);
            Toast.show({ content: t('book.couponDropped', { reason: refusal }), duration: 3000 });
          }
        }
        if (latest()) setQuote(next);
        return next;
      } catch (error) {
        if (latest()) {
          showFailure(error);
          onPriceFailed();
        }
        return null;
      }
    });
  }

  /** Prices the visit at `at` with coupon `id` (null: none); a refusal is shown and the previous choice kept. */
  function chooseCoupon(id: string | null, at: string): Promise<boolean> {
    return pricing(async (latest) => {
      try {
        const next = await requote(base, at, id);
        if (latest()) {
          keepCoupon(id);
          setQuote(next);
        }
        return true;
      } catch (error) {
        if (latest()) {
          const refusal = couponRefusal(error);
          if (refusal) Toast.show({ icon: 'fail', content: refusal, duration: 3000 });
          else showFailure(error);
        }
        return false;
      }
    });
  }

  return { quote, couponId, repricing, price, chooseCoupon };
}
