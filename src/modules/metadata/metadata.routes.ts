import { z } from 'zod';
import { defineRoute, type RouteContext } from '../../server/http.js';
import { ZMetadataFile } from './metadata.schema.js';
import {
  exportMetadata,
  getDataSet,
  getOrgUnit,
  importMetadata,
  listDataElements,
  listDataSets,
  listIndicators,
  listOrgUnits,
} from './metadata.service.js';
import {
  ZDataElement,
  ZDataSetDetail,
  ZDataSetSummary,
  ZIndicator,
  ZList,
  ZMetadataImportQuery,
  ZMetadataImportResult,
  ZOrgUnit,
  ZOrgUnitDetail,
  ZOrgUnitListQuery,
} from './metadata-api.schema.js';

/**
 * The metadata file is checked by the import itself, which answers INVALID_METADATA with the
 * path of every problem; the union only documents the body's shape and lets any JSON through.
 */
const ZMetadataBody = z.union([ZMetadataFile, z.unknown()]);

/** Metadata API: the whole file (GET/POST /api/metadata) and reads of org units, data sets, elements, indicators. */
export async function registerMetadataRoutes(context: RouteContext): Promise<void> {
  const { db } = context;
  const tag = 'metadata';
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/metadata',
      tag,
      summary: 'Export all metadata as a metadata file',
      response: ZMetadataFile,
    },
    async () => exportMetadata(db),
  );
  defineRoute(
    context,
    {
      method: 'POST',
      access: ['admin'],
      url: '/api/metadata',
      tag,
      summary: 'Import a metadata file (idempotent; dryRun checks and counts without writing)',
      query: ZMetadataImportQuery,
      body: ZMetadataBody,
      response: ZMetadataImportResult,
    },
    async ({ query, body, principal }) =>
      importMetadata(db, body, { dryRun: query.dryRun === 'true', principal }),
  );
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/orgUnits',
      tag,
      summary:
        'Children of an org unit, every unit at a level, or the roots — only your subtrees and their ancestors',
      query: ZOrgUnitListQuery,
      response: ZList(ZOrgUnit),
    },
    async ({ query, principal }) => ({ items: await listOrgUnits(db, principal, query) }),
  );
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/orgUnits/:code',
      tag,
      summary: 'One org unit with its ancestors (403 outside your subtrees, except their ancestors)',
      response: ZOrgUnitDetail,
    },
    async ({ params, principal }) => getOrgUnit(db, principal, params.code ?? ''),
  );
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/dataSets',
      tag,
      summary: 'Every data set',
      response: ZList(ZDataSetSummary),
    },
    async () => ({ items: await listDataSets(db) }),
  );
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/dataSets/:code',
      tag,
      summary: 'One data set with its elements, option combos, org units (yours only) and sources',
      response: ZDataSetDetail,
    },
    async ({ params, principal }) => getDataSet(db, principal, params.code ?? ''),
  );
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/dataElements',
      tag,
      summary: 'Every data element',
      response: ZList(ZDataElement),
    },
    async () => ({ items: await listDataElements(db) }),
  );
  defineRoute(
    context,
    {
      method: 'GET',
      access: 'authenticated',
      url: '/api/indicators',
      tag,
      summary: 'Every indicator',
      response: ZList(ZIndicator),
    },
    async () => ({ items: await listIndicators(db) }),
  );
}
