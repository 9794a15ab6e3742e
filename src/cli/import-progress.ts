import cliProgress from 'cli-progress';
import type { TImportPhase } from '../modules/data-values/import/index.js';

/** Receives an import's progress: bytes of the file read, rows read, phase changes. */
export interface ImportProgress {
  bytes(count: number): void;
  rows(progress: { rowsRead: number; phase: TImportPhase }): void;
  stop(): void;
}

const LINE_EVERY_ROWS = 50_000;

/**
 * A progress bar on a terminal (rows/s, ETA from the share of the file read), plain lines on
 * standard error otherwise (each phase, and every 50,000 rows) — so logs and tests can follow it.
 */
export function createImportProgress(
  totalBytes: number,
  stream: NodeJS.WriteStream = process.stderr,
): ImportProgress {
  return stream.isTTY ? barProgress(totalBytes, stream) : lineProgress(stream);
}

function barProgress(totalBytes: number, stream: NodeJS.WriteStream): ImportProgress {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'import |{bar}| {percentage}% | {rows} rows | {speed} rows/s | ETA {eta_formatted} | {phase}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(totalBytes, 1), 0, { rows: 0, speed: 0, phase: 'reading' });
  let read = 0;
  return {
    bytes(count) {
      read += count;
      bar.update(Math.min(read, totalBytes));
    },
    rows({ rowsRead, phase }) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update({ rows: rowsRead, speed: Math.round(rowsRead / seconds), phase });
    },
    stop: () => bar.stop(),
  };
}

function lineProgress(stream: NodeJS.WriteStream): ImportProgress {
  const started = Date.now();
  let phase: TImportPhase | undefined;
  let nextLine = LINE_EVERY_ROWS;
  return {
    bytes: () => undefined,
    rows(progress) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const rate = Math.round(progress.rowsRead / seconds);
      if (progress.phase !== phase) {
        phase = progress.phase;
        stream.write(`import: ${phase} (${progress.rowsRead} rows read)\n`);
      } else if (progress.rowsRead >= nextLine) {
        stream.write(`import: ${progress.rowsRead} rows read (${rate} rows/s)\n`);
      }
      while (nextLine <= progress.rowsRead) nextLine += LINE_EVERY_ROWS;
    },
    stop: () => undefined,
  };
}
