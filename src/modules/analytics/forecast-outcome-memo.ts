/**
 * Target outcomes (probability and forecast) by the forecast's whole input. The forecasts are
 * seeded, so equal inputs give equal outcomes, and a remembered outcome is exactly what computing
 * would give. A saved value changes the inputs of its own org unit and its ancestors only: the
 * overview computed after a write re-simulates those, not every unit with a target.
 */
const MAX_ENTRIES = 8192;

const outcomes = new Map<string, unknown>();

/** `compute()`, or what it returned before for an equal `input` (compared as JSON). */
export function memoizedOutcome<T>(input: unknown, compute: () => T): T {
  const key = JSON.stringify(input);
  if (outcomes.has(key)) {
    const known = outcomes.get(key) as T;
    // Most recently used last, so the oldest goes first when the memo is full.
    outcomes.delete(key);
    outcomes.set(key, known);
    return known;
  }
  const outcome = compute();
  if (outcomes.size >= MAX_ENTRIES) outcomes.delete(outcomes.keys().next().value ?? '');
  outcomes.set(key, outcome);
  return outcome;
}

/** Forgets every outcome (tests compare with a computation from scratch). */
export function forgetOutcomes(): void {
  outcomes.clear();
}
