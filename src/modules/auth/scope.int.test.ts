import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../store/db.js';
import { createTestStore, type TestStore, testStoreKinds } from '../../store/testing/test-store.js';
import { importMetadata } from '../metadata/metadata.service.js';
import { buildMetadataFixture } from '../metadata/testing/metadata-fixture.js';
import { CLI_PRINCIPAL, type Principal } from './principal.js';
import {
  assertOrgUnitsInScope,
  assertOrgUnitsVisible,
  scopeCondition,
  visibleOrgUnitCondition,
} from './scope.js';

describe.each(testStoreKinds())('org-unit scope (%s)', (kind) => {
  let store: TestStore;
  let db: Db;
  let ids: Map<string, number>;
  let countyClerk: Principal;

  beforeAll(async () => {
    store = await createTestStore(kind);
    db = store.db;
    await importMetadata(db, buildMetadataFixture());
    const rows = await db.query<{ id: number; code: string }>('SELECT id, code FROM org_unit');
    ids = new Map(rows.map((row) => [row.code, row.id]));
    countyClerk = {
      userId: 7,
      username: 'clerk-qs01',
      roles: ['clerk'],
      scope: [id('QS01')],
      via: 'session',
    };
  });
  afterAll(() => store.dispose());

  const id = (code: string): number => {
    const found = ids.get(code);
    if (found === undefined) throw new Error(`no org unit ${code}`);
    return found;
  };

  /** Codes of the org units for which the condition is true, sorted. */
  async function codesWhere(condition: (params: unknown[]) => string): Promise<string[]> {
    const params: unknown[] = [];
    const sql = `SELECT o.code FROM org_unit o WHERE ${condition(params)} ORDER BY o.code`;
    return (await db.query<{ code: string }>(sql, params)).map((row) => row.code);
  }

  describe('assertOrgUnitsInScope', () => {
    it('allows the county itself and its townships', async () => {
      await expect(
        assertOrgUnitsInScope(db, countyClerk, [id('QS01'), id('QS0101'), id('QS0102')]),
      ).resolves.toBeUndefined();
    });

    it('refuses another county’s township with FORBIDDEN naming the first unit outside', async () => {
      const error = await assertOrgUnitsInScope(db, countyClerk, [
        id('QS0101'),
        id('QS0202'),
        id('QS02'),
      ]).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('FORBIDDEN');
      expect((error as AppError).message).toContain('"QS0202"');
      expect((error as AppError).details).toEqual({ orgUnit: 'QS0202', username: 'clerk-qs01' });
    });

    it('refuses the city above the county', async () => {
      await expect(assertOrgUnitsInScope(db, countyClerk, [id('QS')])).rejects.toMatchObject({
        code: 'FORBIDDEN',
        details: { orgUnit: 'QS' },
      });
    });

    it('refuses everything for a user without assigned org units', async () => {
      const unassigned: Principal = { ...countyClerk, scope: [] };
      await expect(assertOrgUnitsInScope(db, unassigned, [id('QS0101')])).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('allows everything for scope ALL and for an empty list', async () => {
      await expect(
        assertOrgUnitsInScope(db, CLI_PRINCIPAL, [id('QS'), id('QS0202')]),
      ).resolves.toBeUndefined();
      await expect(assertOrgUnitsInScope(db, countyClerk, [])).resolves.toBeUndefined();
    });
  });

  describe('assertOrgUnitsVisible', () => {
    it('allows the city above the county (its name, for breadcrumbs) and the county’s townships', async () => {
      await expect(assertOrgUnitsVisible(db, countyClerk, [id('QS'), id('QS0102')])).resolves.toBeUndefined();
    });

    it('refuses the other county with FORBIDDEN naming it', async () => {
      await expect(assertOrgUnitsVisible(db, countyClerk, [id('QS'), id('QS02')])).rejects.toMatchObject({
        code: 'FORBIDDEN',
        details: { orgUnit: 'QS02' },
      });
    });
  });

  describe('scopeCondition', () => {
    it('keeps only the county’s subtree', async () => {
      expect(await codesWhere((params) => scopeCondition(countyClerk, 'o.id', params))).toEqual([
        'QS01',
        'QS0101',
        'QS0102',
      ]);
    });

    it('keeps the subtrees of several roots', async () => {
      const twoTownships: Principal = { ...countyClerk, scope: [id('QS0102'), id('QS0201')] };
      expect(await codesWhere((params) => scopeCondition(twoTownships, 'o.id', params))).toEqual([
        'QS0102',
        'QS0201',
      ]);
    });

    it('is TRUE without a parameter for scope ALL and FALSE for no scope', () => {
      const params: unknown[] = ['existing'];
      expect(scopeCondition(CLI_PRINCIPAL, 'o.id', params)).toBe('TRUE');
      expect(scopeCondition({ ...countyClerk, scope: [] }, 'o.id', params)).toBe('FALSE');
      expect(params).toEqual(['existing']);
    });

    it('numbers its parameter after those already pushed', async () => {
      const params: unknown[] = ['QS0%'];
      const sql = `SELECT o.code FROM org_unit o WHERE o.code LIKE $1 AND ${scopeCondition(countyClerk, 'o.id', params)}
        ORDER BY o.code`;
      const rows = await db.query<{ code: string }>(sql, params);
      expect(rows.map((row) => row.code)).toEqual(['QS01', 'QS0101', 'QS0102']);
    });
  });

  describe('visibleOrgUnitCondition', () => {
    it('adds the ancestors of the county (names for breadcrumbs) but no sibling', async () => {
      expect(await codesWhere((params) => visibleOrgUnitCondition(countyClerk, 'o.id', params))).toEqual([
        'QS',
        'QS01',
        'QS0101',
        'QS0102',
      ]);
    });
  });
});
