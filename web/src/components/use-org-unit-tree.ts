import { useCallback, useEffect, useState } from 'react';
import { listOrgUnits } from '../api/metadata.js';
import type { TOrgUnit } from '../api/types.js';

/** The lazily loaded org-unit tree: units by code, children by parent ('' = roots). */
export interface TOrgUnitTreeState {
  units: Map<string, TOrgUnit>;
  children: Map<string, string[]>;
  error: unknown;
  /** Loads the children of `parent` once (roots for ''). */
  loadChildren(parent: string): Promise<void>;
}

/** Loads the roots at once and children on demand (`GET /api/orgUnits?parent=`). */
export function useOrgUnitTree(): TOrgUnitTreeState {
  const [units, setUnits] = useState(() => new Map<string, TOrgUnit>());
  const [children, setChildren] = useState(() => new Map<string, string[]>());
  const [error, setError] = useState<unknown>(undefined);

  const loadChildren = useCallback(async (parent: string) => {
    try {
      const list = await listOrgUnits(parent || undefined);
      setUnits((previous) => {
        const next = new Map(previous);
        for (const unit of list) next.set(unit.code, unit);
        return next;
      });
      setChildren((previous) =>
        new Map(previous).set(
          parent,
          list.map((unit) => unit.code),
        ),
      );
    } catch (failure) {
      setError(failure);
    }
  }, []);

  useEffect(() => {
    void loadChildren('');
  }, [loadChildren]);

  return { units, children, error, loadChildren };
}

/** A tree node for antd Tree / TreeSelect, built from the loaded state. */
export interface TOrgUnitNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  children?: TOrgUnitNode[];
  unit: TOrgUnit;
}

/** The nested nodes under `parent` as far as they are loaded. */
export function buildOrgUnitNodes(
  state: Pick<TOrgUnitTreeState, 'units' | 'children'>,
  label: (unit: TOrgUnit) => string,
  parent = '',
): TOrgUnitNode[] {
  const codes = state.children.get(parent) ?? [];
  return codes.flatMap((code) => {
    const unit = state.units.get(code);
    if (!unit) return [];
    const loaded = state.children.has(code);
    return [
      {
        key: code,
        value: code,
        title: label(unit),
        isLeaf: unit.childCount === 0,
        unit,
        ...(loaded ? { children: buildOrgUnitNodes(state, label, code) } : {}),
      },
    ];
  });
}
