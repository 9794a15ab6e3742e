import type { TImportConflict } from '../data-values.schema.js';

/** How many conflicts an import summary lists; the rest are only counted. */
export const MAX_LISTED_CONFLICTS = 1000;

/**
 * The conflicts of one import: the first `limit` are kept, the rest counted, so a file of a
 * million bad rows does not hold a million objects.
 */
export class ConflictList {
  private readonly listed: TImportConflict[] = [];
  private truncated = 0;
  /** Rows with at least one conflict (a row with two bad fields counts once). */
  private invalidRowCount = 0;

  constructor(private readonly limit = MAX_LISTED_CONFLICTS) {}

  /** Records one conflict of `row`. */
  add(conflict: TImportConflict): void {
    if (this.listed.length < this.limit) this.listed.push(conflict);
    else this.truncated += 1;
  }

  /** Counts `count` rows as invalid (once per row, however many conflicts it has). */
  markInvalid(count = 1): void {
    this.invalidRowCount += count;
  }

  /** Records conflicts counted but not listed (found in bulk). */
  addTruncated(count: number): void {
    this.truncated += count;
  }

  /** Adds every conflict `other` holds (found later, in the merge transaction). */
  absorb(other: ConflictList): void {
    for (const conflict of other.listed) this.add(conflict);
    this.truncated += other.truncated;
    this.invalidRowCount += other.invalidRowCount;
  }

  /** Listed places left before the cap. */
  get room(): number {
    return this.limit - this.listed.length;
  }

  get total(): number {
    return this.listed.length + this.truncated;
  }

  get invalidRows(): number {
    return this.invalidRowCount;
  }

  /** The listed conflicts in row order and how many more there were. */
  result(): { conflicts: TImportConflict[]; conflictsTruncated: number } {
    const conflicts = [...this.listed].sort((a, b) => a.row - b.row);
    return { conflicts, conflictsTruncated: this.truncated };
  }
}
