import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import { collectXml } from './xml-events.js';
import type { ZipArchive } from './zip-file.js';

const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS_PART = 'xl/_rels/workbook.xml.rels';

/** The parts of a workbook a reader of its first sheet needs. */
export interface FirstSheetParts {
  /** Zip path of the first sheet in the workbook's own order (not the zip's). */
  sheetPath: string;
  /** The shared string table; a cell of type `s` holds an index into it. */
  sharedStrings: string[];
}

/** Finds the first sheet and reads the shared strings; throws Error when a part is missing. */
export async function readFirstSheetParts(archive: ZipArchive): Promise<FirstSheetParts> {
  const relationships = await collectXml<Relationship>(await part(archive, WORKBOOK_RELS_PART), {
    open: (name, attributes, emit) => {
      if (name === 'Relationship' && attributes.Id && attributes.Target)
        emit({ id: attributes.Id, type: attributes.Type ?? '', target: attributes.Target });
    },
  });
  const sheetIds = await collectXml<string>(await part(archive, WORKBOOK_PART), {
    open: (name, attributes, emit) => {
      if (name === 'sheet' && attributes.id) emit(attributes.id);
    },
  });
  const firstSheet = relationships.find((relationship) => relationship.id === sheetIds[0]);
  if (!firstSheet) throw new Error('the workbook has no sheet');
  const sharedStringsTarget = relationships.find((relationship) =>
    relationship.type.endsWith('/sharedStrings'),
  );
  const sharedStringsPart = sharedStringsTarget && (await archive.open(partPath(sharedStringsTarget.target)));
  return {
    sheetPath: partPath(firstSheet.target),
    sharedStrings: sharedStringsPart ? await readSharedStrings(sharedStringsPart) : [],
  };
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

async function part(archive: ZipArchive, name: string): Promise<Readable> {
  const stream = await archive.open(name);
  if (!stream) throw new Error(`the file has no ${name}`);
  return stream;
}

/** A relationship target of the workbook as a zip path (relative to xl/, or absolute). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

/**
 * The shared strings, each the text of its `<t>` runs joined. Phonetic runs (`<rPh>`, the
 * readings Excel stores beside East Asian text) are not part of the text.
 */
function readSharedStrings(xml: Readable): Promise<string[]> {
  let text: string | undefined;
  let inPhonetic = false;
  let inText = false;
  return collectXml<string>(xml, {
    open: (name) => {
      if (name === 'si') text = '';
      else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    },
    close: (name, emit) => {
      if (name === 'si') emit(text ?? '');
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inText = false;
    },
    text: (chunk) => {
      if (inText) text += chunk;
    },
  });
}
