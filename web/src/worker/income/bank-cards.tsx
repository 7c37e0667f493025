import { Button, Dialog, Form, Input, List, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { Sheet } from '../../mobile/sheet';
import { useFailureToast, useFormSubmit } from '../../mobile/use-form-submit';
import type { BankCard } from './income-types';

/** 银行卡: the bound cards (masked) with delete, and 添加银行卡 in a sheet. */
export function BankCards({ cards, onChanged }: { cards: BankCard[]; onChanged: () => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [adding, setAdding] = useState(false);

  async function remove(card: BankCard) {
    const sure = await Dialog.confirm({ content: t('withdraw.deleteCard'), confirmText: t('common.delete'), cancelText: t('common.cancel') });
    if (!sure) return;
    try {
      await api(`/api/worker/bank-cards/${card.id}`, { method: 'DELETE' });
      Toast.show({ icon: 'success', content: t('withdraw.cardDeleted') });
      onChanged();
    } catch (error) {
      showFailure(error);
    }
  }

  return (
    <>
      <List mode="card" header={t('withdraw.cards')} data-testid="bank-cards">
        {cards.length === 0 && <List.Item>{t('withdraw.noCards')}</List.Item>}
        {cards.map((card) => (
          <List.Item
            key={card.id}
            data-testid="bank-card"
            data-card-id={card.id}
            description={card.holderName}
            extra={
              <Button size="mini" fill="none" color="danger" onClick={() => remove(card)} data-testid="bank-card-delete">
                {t('common.delete')}
              </Button>
            }
          >
            {card.bankName} {card.cardMasked}
          </List.Item>
        ))}
        <List.Item onClick={() => setAdding(true)} data-testid="bank-card-add">
          {t('withdraw.addCard')}
        </List.Item>
      </List>
      <Sheet visible={adding} onClose={() => setAdding(false)}>
        <AddCardForm
          onAdded={() => {
            setAdding(false);
            onChanged();
          }}
        />
      </Sheet>
    </>
  );
}

interface CardValues {
  bankName: string;
  holderName: string;
  cardNo: string;
}

function AddCardForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<CardValues>();
  const { submitting, submit } = useFormSubmit(form, ['bankName', 'holderName', 'cardNo'], async (values: CardValues) => {
    await api<BankCard>('/api/worker/bank-cards', { body: { bankName: values.bankName.trim(), holderName: values.holderName.trim(), cardNo: values.cardNo.replace(/\s+/g, '') } });
    Toast.show({ icon: 'success', content: t('withdraw.cardAdded') });
    onAdded();
  });
  const required = (field: string) => [{ required: true, whitespace: true, message: t('common.required', { field }) }];
  return (
    <div className="m-income-sheet" data-testid="bank-card-form">
      <div className="m-income-sheet-title">{t('withdraw.addCard')}</div>
      <Form
        form={form}
        layout="horizontal"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="bank-card-save">
            {t('common.save')}
          </Button>
        }
      >
        <Form.Item name="bankName" label={t('withdraw.bankName')} rules={required(t('withdraw.bankName'))}>
          <Input id="card-bank" maxLength={40} placeholder={t('withdraw.bankName')} />
        </Form.Item>
        <Form.Item name="holderName" label={t('withdraw.holderName')} rules={required(t('withdraw.holderName'))}>
          <Input id="card-holder" maxLength={40} placeholder={t('withdraw.holderName')} />
        </Form.Item>
        <Form.Item name="cardNo" label={t('withdraw.cardNo')} rules={required(t('withdraw.cardNo'))}>
          <Input id="card-no" inputMode="numeric" maxLength={30} placeholder={t('withdraw.cardNo')} />
        </Form.Item>
      </Form>
    </div>
  );
}
