import { Avatar, Button, Tag } from 'antd-mobile';
import { CheckShieldFill } from 'antd-mobile-icons';
import { durationText, visitText } from '../../shared/city-days';
import { formatDateTime, formatFen } from '../../shared/format';
import { useI18n } from '../../shared/i18n';
import { localized, type Answer } from '../../shared/request-types';

interface Props {
  answer: Answer;
  /** The mandatory accident insurance the order adds (0 without one). */
  premiumFen: number;
  /** 选择 TA and 聊一聊 are offered while the request is open. */
  open: boolean;
  choosing: boolean;
  chatting: boolean;
  disabled: boolean;
  onChoose: (answer: Answer) => void;
  onChat: (answer: Answer) => void;
}

/**
 * One worker's answer, a column of the side-by-side comparison: who (avatar, name, rating, jobs done, experience,
 * verified certificates, distance), the itemised lines (materials their own lines), the total, the earliest visit and
 * the message; 聊一聊 and 选择 TA.
 */
export function AnswerCard({ answer, premiumFen, open, choosing, chatting, disabled, onChoose, onChat }: Props) {
  const { t, lang } = useI18n();
  const { worker } = answer;
  const edited = answer.updatedAt !== answer.createdAt;
  return (
    <article className={`m-answer m-answer-${answer.status}`} data-testid="request-answer" data-answer-id={answer.id} data-worker-id={worker?.id ?? ''} data-status={answer.status} data-total={answer.totalFen}>
      {worker ? (
        <>
          <header className="m-answer-worker">
            <Avatar src={worker.avatarUrl ?? ''} className="m-answer-avatar" />
            <div className="m-answer-who">
              <div className="m-answer-name" data-testid="answer-worker-name">
                {worker.name}
                <StateTag answer={answer} />
              </div>
              <div className="m-answer-meta">
                {worker.ratingCount > 0 ? t('answer.rating', { avg: worker.ratingAvg.toFixed(1), count: worker.ratingCount }) : t('answer.noRating')}
              </div>
              <div className="m-answer-meta">
                {t('answer.ordersDone', { count: worker.ordersDone })} · {t('answer.experience', { years: worker.experienceYears })}
              </div>
              {worker.distanceKm !== null && (
                <div className="m-answer-meta" data-testid="answer-distance">
                  {t('answer.distance', { km: worker.distanceKm.toFixed(1) })}
                </div>
              )}
            </div>
          </header>
          {worker.certificates.length > 0 && (
            <div className="m-answer-certs">
              {worker.certificates.map((c) => (
                <Tag key={c.kind} color="success" fill="outline" data-testid="answer-certificate">
                  <CheckShieldFill /> {localized(lang, c.label)}
                </Tag>
              ))}
            </div>
          )}
        </>
      ) : (
        <header className="m-answer-name">
          {t('answer.workerGone')}
          <StateTag answer={answer} />
        </header>
      )}
      <div className="m-answer-label">{t('answer.lines')}</div>
      <table className="m-answer-lines" data-testid="answer-lines">
        <tbody>
          {answer.lines.map((line, index) => (
            <tr key={index} data-testid="answer-line" data-kind={line.kind}>
              <td>
                <Tag color={line.kind === 'material' || line.kind === 'parts' ? 'warning' : 'primary'} fill="outline" className="m-answer-kind">
                  {t(`request.line.${line.kind}`)}
                </Tag>
                <span className="m-answer-line-text">{line.description}</span>
                <div className="m-answer-line-qty">
                  {line.quantity} × {formatFen(line.unitPriceFen)}
                </div>
              </td>
              <td className="m-answer-amount">{formatFen(line.amountFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="m-answer-total">
        <span>{t('answer.total')}</span>
        <strong data-testid="answer-total">{formatFen(answer.totalFen)}</strong>
      </div>
      {premiumFen > 0 && (
        <div className="m-answer-meta m-answer-insurance" data-testid="answer-insurance" data-premium={premiumFen}>
          {t('answer.insurance', { premium: formatFen(premiumFen) })}
        </div>
      )}
      <div className="m-answer-label">{t('answer.start')}</div>
      <div className="m-answer-start" data-testid="answer-start" data-start={answer.start}>
        {visitText(answer.start, answer.durationMinutes, lang)}
        <span className="m-answer-meta"> · {durationText(answer.durationMinutes, lang)}</span>
      </div>
      {answer.message && (
        <>
          <div className="m-answer-label">{t('answer.message')}</div>
          <p className="m-answer-message" data-testid="answer-message">
            {answer.message}
          </p>
        </>
      )}
      {edited && <div className="m-answer-meta">{t('answer.updated', { at: formatDateTime(answer.updatedAt, lang) })}</div>}
      {open && answer.status === 'open' && (
        <div className="m-answer-actions">
          {worker && (
            <Button size="small" fill="outline" color="primary" loading={chatting} disabled={disabled} onClick={() => onChat(answer)} data-testid="answer-chat">
              {t('answer.chat')}
            </Button>
          )}
          <Button size="small" color="primary" loading={choosing} disabled={disabled} onClick={() => onChoose(answer)} data-testid="answer-choose">
            {t('answer.choose')}
          </Button>
        </div>
      )}
    </article>
  );
}

function StateTag({ answer }: { answer: Answer }) {
  const { t } = useI18n();
  if (answer.status === 'open') return null;
  return (
    <Tag color={answer.status === 'chosen' ? 'success' : 'default'} className="m-answer-state">
      {t(`request.answer.${answer.status}`)}
    </Tag>
  );
}
