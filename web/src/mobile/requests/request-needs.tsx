import { Tag } from 'antd-mobile';
import { useI18n } from '../../shared/i18n';

/** The special needs and notes rows of a request's facts (`<dl>`), as the customer and the invited worker see them. */
export function NeedsAndNotes({ specialNeeds, notes, labels, className }: { specialNeeds: string[]; notes: string; labels: { needs: string; notes: string }; className: string }) {
  const { t } = useI18n();
  return (
    <>
      {specialNeeds.length > 0 && (
        <>
          <dt>{labels.needs}</dt>
          <dd className={className}>
            {specialNeeds.map((need) => (
              <Tag key={need} color="warning" fill="outline">
                {t(`request.need.${need}`)}
              </Tag>
            ))}
          </dd>
        </>
      )}
      {notes && (
        <>
          <dt>{labels.notes}</dt>
          <dd>{notes}</dd>
        </>
      )}
    </>
  );
}
