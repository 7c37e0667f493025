import { Button } from 'antd-mobile';
import { useI18n, localName } from '../../shared/i18n';
import type { District } from '../../shared/types';
import { LocateButton } from '../../mobile/me/locate-button';

export interface LatLng {
  lat: number;
  lng: number;
}

/** The worker's home base: the district centre unless the device location was taken. */
export function HomeLocation({ district, value, onChange }: { district: District | undefined; value?: LatLng | null; onChange?: (value: LatLng | null) => void }) {
  const { t, lang } = useI18n();
  return (
    <div className="m-home-location" data-testid="home-location">
      <div className="m-home-location-text">
        {value
          ? t('profile.homeAt', { lat: value.lat.toFixed(4), lng: value.lng.toFixed(4) })
          : district
            ? t('profile.homeCentre', { district: localName(lang, district) })
            : t('profile.homeNeedsDistrict')}
      </div>
      <div className="m-home-location-actions">
        <LocateButton onLocated={(coordinates) => onChange?.(coordinates)} />
        {value && (
          <Button size="small" fill="none" onClick={() => onChange?.(null)}>
            {t('profile.homeUseCentre')}
          </Button>
        )}
      </div>
    </div>
  );
}
