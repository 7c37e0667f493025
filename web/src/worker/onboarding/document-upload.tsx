import { SpinLoading, Toast } from 'antd-mobile';
import { AddOutline, FileOutline } from 'antd-mobile-icons';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import type { UploadedFile } from '../../shared/worker-types';
import { useFileUpload } from '../../mobile/use-file-upload';

export type DocumentPurpose = 'id_front' | 'id_back' | 'selfie' | 'certificate' | 'portfolio';
const MAX_BYTES = 8 * 1024 * 1024;

interface DocumentUploadProps {
  purpose: DocumentPurpose;
  label: string;
  value?: UploadedFile | null;
  onChange?: (file: UploadedFile | null) => void;
  /** Certificates may also be PDF. */
  allowPdf?: boolean;
}

/** A tile that uploads one file to `POST /api/worker/documents?purpose=…` and shows it (private files open for their owner). */
export function DocumentUpload({ purpose, label, value, onChange, allowPdf = false }: DocumentUploadProps) {
  const { t } = useI18n();
  const { input, uploading, onChange: upload } = useFileUpload(
    MAX_BYTES, t('upload.tooLarge'),
    (body) => api<UploadedFile>('/api/worker/documents', { query: { purpose }, body }),
    (file) => onChange?.(file),
  );
  const isPdf = value?.contentType === 'application/pdf';

  return (
    <button type="button" className="m-upload-tile" onClick={() => input.current?.click()} data-testid={`upload-${purpose}`} data-uploaded={value ? 'yes' : 'no'}>
      {value && !isPdf && <img src={value.url} alt={label} className="m-upload-image" />}
      {value && isPdf && (
        <span className="m-upload-empty">
          <FileOutline fontSize={28} />
          PDF
        </span>
      )}
      {!value && (
        <span className="m-upload-empty">
          <AddOutline fontSize={28} />
          {label}
        </span>
      )}
      {value && <span className="m-upload-caption">{t('upload.replace', { label })}</span>}
      {uploading && <SpinLoading className="m-upload-spin" />}
      <input
        ref={input}
        type="file"
        hidden
        accept={allowPdf ? 'image/jpeg,image/png,image/webp,application/pdf' : 'image/jpeg,image/png,image/webp'}
        onChange={upload}
        data-testid={`upload-${purpose}-input`}
      />
    </button>
  );
}
