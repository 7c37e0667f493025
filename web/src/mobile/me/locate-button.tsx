import { Button, Toast } from 'antd-mobile';
import { EnvironmentOutline } from 'antd-mobile-icons';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n';

export interface Coordinates {
  lat: number;
  lng: number;
}

/** Why the device gave no location: the user (or the browser) refused, or it could not be found in time. */
export type LocateFailure = 'denied' | 'unavailable';

/**
 * Fills lat/lng from the device when the user allows it. A refusal says so plainly (and how to allow it);
 * `onFailed` lets a form show it next to the button as well.
 */
export function LocateButton({ onLocated, onFailed, label }: { onLocated: (coordinates: Coordinates) => void; onFailed?: (reason: LocateFailure) => void; label?: string }) {
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
      (error) => {
        setLocating(false);
        const reason: LocateFailure = error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable';
        if (onFailed) onFailed(reason);
        else Toast.show({ content: t(reason === 'denied' ? 'address.locateDenied' : 'address.locateFailed'), duration: 3000 });
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  }

  return (
    <Button size="small" fill="outline" color="primary" loading={locating} onClick={locate} data-testid="address-locate">
      <EnvironmentOutline /> {label ?? t('address.locate')}
    </Button>
  );
}
