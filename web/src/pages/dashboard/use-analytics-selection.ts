import { listOrgUnits } from '../../api/metadata.js';
import { useApi } from '../../api/use-api.js';
import { navigate, useSearchParams } from '../../router.js';

/** The analytics views' choices, kept in the URL so a view can be linked. */
export interface TSelection {
  /** Org unit code; undefined until the root is known. */
  orgUnit: string | undefined;
  /** DHIS2 period id (monthly by default). */
  period: string;
  ytd: boolean;
  /** The indicator the dashboard's charts show; undefined = the first. */
  indicator: string | undefined;
}

/** The last complete month before `today` (ISO date) as a monthly period id: 2026-11-29 → 202610. */
export function lastCompleteMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}12` : `${year}${String(month - 1).padStart(2, '0')}`;
}

/**
 * The selection from `?orgUnit=&period=&ytd=&indicator=`, with defaults: the first root org unit,
 * the last complete month, year to date. `update` changes some choices (replacing history when
 * `replace`, e.g. for a period; pushing it for a drill-down so Back goes up again).
 */
export function useAnalyticsSelection(): {
  selection: TSelection;
  update(changes: Partial<Record<keyof TSelection, string | boolean | undefined>>, replace?: boolean): void;
  rootError: unknown;
  hasNoOrgUnits: boolean;
} {
  const params = useSearchParams();
  const explicitOrgUnit = params.get('orgUnit') ?? undefined;
  const roots = useApi((signal) => listOrgUnits(undefined, signal), [], !explicitOrgUnit);
  const selection: TSelection = {
    orgUnit: explicitOrgUnit ?? roots.data?.[0]?.code,
    period: params.get('period') ?? lastCompleteMonth(new Date().toISOString().slice(0, 10)),
    ytd: params.get('ytd') !== 'false',
    indicator: params.get('indicator') ?? undefined,
  };
  const update = (
    changes: Partial<Record<keyof TSelection, string | boolean | undefined>>,
    replace = false,
  ) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, String(value));
    }
    const search = next.toString();
    navigate(`${window.location.pathname}${search ? `?${search}` : ''}`, { replace });
  };
  return { selection, update, rootError: roots.error, hasNoOrgUnits: roots.data?.length === 0 };
}

/** The selection as a query string for links between the analytics pages. */
export function selectionQuery(selection: TSelection, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (selection.orgUnit) params.set('orgUnit', selection.orgUnit);
  params.set('period', selection.period);
  params.set('ytd', String(selection.ytd));
  return params.toString();
}
