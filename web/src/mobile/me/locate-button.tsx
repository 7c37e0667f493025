import { Button, Toast } from 'antd-mobile';
import { EnvironmentOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';

export interface Coordinates {
  lat: number;
  lng: number;
}

/** Fills lat/lng from the device when the user allows it; without them the server geocodes the address. */
export function LocateButton({ onLocated }: { onLocated: (coordinates: Coordinates) => void }) {
  const { t } = useI18n();
  const [locating, setLocating] = useState(false);
  if (!('geolocation' in navigator)) return null;

  function locate() {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onLocated({ lat: position.coords.latitude, lng: position.coords.longitude });
      },
      () => {
        setLocating(false);
        Toast.show({ content: t('address.locateFailed'), duration: 3000 });
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  return (
    <Button size="small" fill="outline" color="primary" loading={locating} onClick={locate} data-testid="address-locate">
      <EnvironmentOutline /> {t('address.locate')}
    </Button>
  );
}
