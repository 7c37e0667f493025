import { List } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';

/** A place of the city's gazetteer, as GET /api/geo/places and /api/geo/reverse answer it. */
export interface Place {
  id: string;
  name: string;
  kind: 'street' | 'community' | 'area' | 'landmark';
  districtCode: string;
  districtName: string;
  lat: number;
  lng: number;
}

/** Places matching what is typed (汉字, pinyin or initials), within the chosen district when there is one. */
export function usePlaceSuggestions(text: string, districtCode: string | undefined, enabled: boolean): Place[] {
  const [places, setPlaces] = useState<Place[]>([]);
  // The first words are what names a place ("鞍山新村 8 号 302 室" → 鞍山新村).
  const query = text.trim().split(/[\s\d#,，、号楼室弄]+/)[0]?.slice(0, 40) ?? '';
  useEffect(() => {
    if (!enabled || !query) {
      setPlaces([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const ask = (district?: string) => api<{ items: Place[] }>('/api/geo/places', { query: { q: query, districtCode: district, limit: 6 }, signal: controller.signal });
      // The chosen district first; nothing there (a place in another district) → the whole city.
      ask(districtCode)
        .then(async (answer) => (answer.items.length || !districtCode ? answer : ask()))
        .then((answer) => setPlaces(answer.items))
        .catch(() => {
          if (!controller.signal.aborted) setPlaces([]);
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, districtCode, enabled]);
  return places;
}

/** The suggestion list under the address text: a tap picks the place (its point and district). */
export function PlaceSuggestions({ places, onPick }: { places: Place[]; onPick: (place: Place) => void }) {
  const { t } = useI18n();
  if (!places.length) return null;
  return (
    <List className="m-address-suggestions" data-testid="address-suggestions">
      {places.map((place) => (
        <List.Item
          key={place.id}
          clickable
          arrow={false}
          onClick={() => onPick(place)}
          description={`${place.districtName} · ${t(`address.kind.${place.kind}`)}`}
          data-testid="address-suggestion"
          data-place={place.name}
        >
          {place.name}
        </List.Item>
      ))}
    </List>
  );
}
