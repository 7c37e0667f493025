import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the location-trail tables (migration 0023), kept beside `types.ts`. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface LocationPointsTable {
  id: Generated<string>; order_id: string; worker_id: string; city_code: string;
  lat: number; lng: number; accuracy_m: number; recorded_at: Timestamp; received_at: Generated<Date>;
}

export interface TrackingSettingsTable { city_code: string; retention_days: number; updated_at: Generated<Date> }

export interface TrackingDB {
  location_points: LocationPointsTable;
  tracking_settings: TrackingSettingsTable;
}
