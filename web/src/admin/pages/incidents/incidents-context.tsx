import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../../../shared/api';
import { useAdminEvent, useLiveReopened } from '../../live/admin-events';
import { useAdminSession } from '../../session';
import type { DeskIncident } from './incident-types';

/** Admins with orders:read but not orders:write get no live `sos` event (the API sends it to the desk only): they poll. */
const POLL_MS = 30_000;

interface IncidentsValue {
  /** The admin may read incidents (`orders:read`). */
  enabled: boolean;
  /** Incidents not yet resolved: `open` first, then `acknowledged`, newest first in each; undefined before the first answer. */
  active: DeskIncident[] | undefined;
  error: unknown;
  /** Ids of incidents that arrived after the console loaded and have not been looked at yet. */
  fresh: ReadonlySet<string>;
  /** Grows on every load (live event, reconnection, action, poll): lists of resolved incidents reload with it. */
  version: number;
  reload: () => void;
  /** The incident was looked at (focused or handled): no longer fresh. */
  seen: (id: string) => void;
}

const IncidentsContext = createContext<IncidentsValue | null>(null);

const list = (status: 'open' | 'acknowledged') => api<{ items: DeskIncident[] }>('/api/admin/incidents', { query: { status } }).then((answer) => answer.items);

/**
 * The console's view of the SOS incidents not yet resolved, shared by the banner on every page and the 紧急求助 desk:
 * loaded once, again on every live `sos` event (raised, acknowledged, resolved) and when the live connection
 * (re)opens, and every 30 s for admins whose stream carries no `sos` events. An incident first seen after the
 * first load is `fresh` (highlighted) until it is looked at.
 */
export function IncidentsProvider({ children }: { children: ReactNode }) {
  const { can } = useAdminSession();
  const enabled = can('orders:read');
  const live = can('orders:write');
  const [active, setActive] = useState<DeskIncident[]>();
  const [error, setError] = useState<unknown>();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [version, setVersion] = useState(0);
  const known = useRef<Set<string> | null>(null);
  const round = useRef(0);

  const reload = useCallback(() => {
    if (!enabled) return;
    const mine = ++round.current;
    Promise.all([list('open'), list('acknowledged')])
      .then(([open, acknowledged]) => {
        if (mine !== round.current) return; // a newer load is on its way
        const items = [...open, ...acknowledged];
        const before = known.current;
        const arrived = before ? items.filter((incident) => !before.has(incident.id)).map((incident) => incident.id) : [];
        known.current = new Set([...(before ?? []), ...items.map((incident) => incident.id)]);
        if (arrived.length) setFresh((previous) => new Set([...previous, ...arrived]));
        setActive(items);
        setError(undefined);
        setVersion((value) => value + 1);
      })
      .catch((reason: unknown) => {
        if (mine === round.current) setError(reason);
      });
  }, [enabled]);

  useEffect(() => {
    reload();
  }, [reload]);
  useLiveReopened(reload);
  useAdminEvent('sos', () => reload());
  useEffect(() => {
    if (!enabled || live) return;
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [enabled, live, reload]);

  const seen = useCallback((id: string) => {
    setFresh((previous) => {
      if (!previous.has(id)) return previous;
      const next = new Set(previous);
      next.delete(id);
      return next;
    });
  }, []);

  const value = useMemo(() => ({ enabled, active, error, fresh, version, reload, seen }), [enabled, active, error, fresh, version, reload, seen]);
  return <IncidentsContext.Provider value={value}>{children}</IncidentsContext.Provider>;
}

export function useIncidents(): IncidentsValue {
  const value = useContext(IncidentsContext);
  if (!value) throw new Error('useIncidents outside IncidentsProvider');
  return value;
}
