import { Image, ImageViewer, SpinLoading } from 'antd-mobile';
import { AddOutline, CloseOutline } from 'antd-mobile-icons';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useFileUpload } from '../../mobile/use-file-upload';

export const MAX_JOB_PHOTOS = 6;
const MAX_BYTES = 8 * 1024 * 1024;

/** An uploaded job photo: the file id for `photoFileIds` and its (owner-only) URL. */
export interface JobPhoto {
  id: string;
  url: string;
}

/** 现场照片: up to 6 pictures of the job, each uploaded at once to `POST /api/orders/photos`. */
export function JobPhotos({ value, onChange }: { value: JobPhoto[]; onChange: (photos: JobPhoto[]) => void }) {
  const { t } = useI18n();
  const { input, uploading, onChange: upload } = useFileUpload(
    MAX_BYTES,
    t('book.photoTooLarge'),
    (body) => api<JobPhoto>('/api/orders/photos', { body }),
    (photo) => onChange([...value, { id: photo.id, url: photo.url }]),
  );
  const urls = value.map((photo) => photo.url);
  return (
    <section className="m-section" data-testid="book-photos">
      <h2 className="m-section-title">
        {t('book.photos')} <small data-testid="book-photos-count">{t('book.photosCount', { count: value.length, max: MAX_JOB_PHOTOS })}</small>
      </h2>
      <div className="m-job-photos">
        {value.map((photo, index) => (
          <div key={photo.id} className="m-job-photo" data-testid="book-photo">
            <Image src={photo.url} fit="cover" onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: index })} />
            <button
              type="button"
              className="m-job-photo-remove"
              aria-label={t('book.photoRemove')}
              onClick={() => onChange(value.filter((other) => other.id !== photo.id))}
              data-testid="book-photo-remove"
            >
              <CloseOutline />
            </button>
          </div>
        ))}
        {value.length < MAX_JOB_PHOTOS && (
          <button type="button" className="m-job-photo-add" onClick={() => input.current?.click()} disabled={uploading} aria-label={t('book.photoAdd')} data-testid="book-photo-add">
            {uploading ? <SpinLoading /> : <AddOutline fontSize={26} />}
          </button>
        )}
        <input ref={input} type="file" hidden accept="image/jpeg,image/png,image/webp" onChange={upload} data-testid="book-photo-input" />
      </div>
      <p className="m-photos-hint">{t('book.photosHint')}</p>
    </section>
  );
}
