import { Button, Image, Selector, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { Sheet } from '../sheet';
import { useFileUpload } from '../use-file-upload';
import { useFailureToast } from '../use-form-submit';
import { CATEGORIES, type ComplaintCategory } from './complaint-types';

const MAX_FILES = 9;
const MAX_BYTES = 8 * 1024 * 1024;

/** 投诉: a category, what happened and up to 9 evidence photos (uploaded one by one), posted to `endpoint`. */
export function ComplaintSheet({ endpoint, title, visible, onClose, onDone }: { endpoint: string; title: string; visible: boolean; onClose: () => void; onDone: () => void }) {
  return (
    <Sheet visible={visible} onClose={onClose}>
      <ComplaintForm endpoint={endpoint} title={title} onDone={onDone} />
    </Sheet>
  );
}

function ComplaintForm({ endpoint, title, onDone }: { endpoint: string; title: string; onDone: () => void }) {
  const { t } = useI18n();
  const showFailure = useFailureToast();
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<{ id: string; url: string }[]>([]);
  const [sending, setSending] = useState(false);
  // One key per opened form: a retried submit files the complaint once.
  const [key] = useState(() => `complaint-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const upload = useFileUpload(MAX_BYTES, t('complaint.tooLarge'), (body) => api<{ id: string; url: string }>('/api/complaints/evidence', { body }), (answer) => setFiles((list) => [...list, answer]));
  const ready = category !== null && description.trim().length > 0;

  async function send() {
    setSending(true);
    try {
      await api(endpoint, { body: { category, description: description.trim(), evidenceFileIds: files.map((f) => f.id) }, headers: { 'Idempotency-Key': key } });
      Toast.show({ icon: 'success', content: t('complaint.submitted') });
      onDone();
    } catch (error) {
      showFailure(error);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="m-sheet" data-testid="complaint-sheet">
      <div className="m-sheet-title">{title}</div>
      <div className="m-sheet-label">{t('complaint.category')}</div>
      <Selector<ComplaintCategory>
        columns={4}
        showCheckMark={false}
        value={category ? [category] : []}
        onChange={(values) => setCategory(values[0] ?? null)}
        options={CATEGORIES.map((c) => ({ value: c, label: <span data-testid={`complaint-category-${c}`}>{t(`complaint.category.${c}`)}</span> }))}
      />
      <div className="m-sheet-label">{t('complaint.description')}</div>
      <TextArea value={description} onChange={setDescription} maxLength={1000} showCount rows={4} placeholder={t('complaint.descriptionPlaceholder')} data-testid="complaint-description" />
      <div className="m-sheet-label">{t('complaint.evidence')}</div>
      <div className="m-complaint-files" data-testid="complaint-evidence" data-count={files.length} style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {files.map((f) => (
          <div key={f.id} style={{ position: 'relative' }}>
            <Image src={f.url} width={72} height={72} fit="cover" style={{ borderRadius: 6 }} />
            <button type="button" aria-label={t('complaint.remove')} onClick={() => setFiles((list) => list.filter((x) => x.id !== f.id))}
              style={{ position: 'absolute', top: -6, right: -6, width: 20, height: 20, borderRadius: 10, border: 'none', background: 'rgba(0,0,0,.6)', color: '#fff', lineHeight: '20px', padding: 0 }}>×</button>
          </div>
        ))}
        {files.length < MAX_FILES && (
          <Button fill="outline" style={{ width: 72, height: 72 }} loading={upload.uploading} onClick={() => upload.input.current?.click()} data-testid="complaint-add-evidence">
            +
          </Button>
        )}
        <input ref={upload.input} type="file" accept="image/jpeg,image/png,image/webp" hidden onChange={upload.onChange} data-testid="complaint-evidence-input" />
      </div>
      <p className="m-order-muted" style={{ fontSize: 12 }}>{t('complaint.privacyHint')}</p>
      <div className="m-sheet-footer">
        <Button block color="primary" size="large" loading={sending} disabled={!ready || upload.uploading} onClick={send} data-testid="complaint-submit">
          {t('complaint.submit')}
        </Button>
      </div>
    </div>
  );
}
