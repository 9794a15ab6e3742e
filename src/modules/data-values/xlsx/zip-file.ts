import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** A zip file opened for random access: its parts are read in whatever order the caller needs. */
export interface ZipArchive {
  /** The part's uncompressed bytes, or undefined when the archive has no such part. */
  open(name: string): Promise<Readable | undefined>;
  close(): void;
}

/** A stream written to a file of its own; `remove` deletes it. */
export interface SpooledFile {
  path: string;
  remove(): Promise<void>;
}

/**
 * Writes `stream` to a new file under the system's temporary folder. A zip needs random access
 * (its directory is at its end): reading one as a stream, in file order, can lose parts; exceljs'
 * stream reader sometimes dropped the last ones.
 */
export async function spoolToFile(stream: Readable): Promise<SpooledFile> {
  const folder = await mkdtemp(join(tmpdir(), 'tiaodu-upload-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, 'upload');
  try {
    await pipeline(stream, createWriteStream(path));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path, remove };
}

/** Opens the zip file at `path` (rejects when it is not a zip). */
export function openZipFile(path: string): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error) return reject(error);
      const entries = new Map<string, Entry>();
      zip.on('error', reject);
      zip.on('entry', (entry: Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve(archiveOf(zip, entries)));
      zip.readEntry();
    });
  });
}

function archiveOf(zip: ZipFile, entries: Map<string, Entry>): ZipArchive {
  return {
    open: (name) => {
      const entry = entries.get(name);
      if (!entry) return Promise.resolve(undefined);
      return new Promise((resolve, reject) =>
        zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
      );
    },
    close: () => zip.close(),
  };
}
