import { useI18n } from '../../shared/i18n';

/** 上门核销码: the 4 digits the customer tells the worker on arrival (shown from acceptance until check-in). */
export function ServiceCode({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <section className="m-section m-order-code" data-testid="order-service-code">
      <div className="m-section-title">{t('order.code')}</div>
      <div className="m-order-code-digits" data-testid="order-service-code-digits" aria-label={code.split('').join(' ')}>
        {code}
      </div>
      <div className="m-order-code-hint">{t('order.codeHint')}</div>
    </section>
  );
}
