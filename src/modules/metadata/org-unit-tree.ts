/**
 * Pure checks on the org-unit tree as a map code → parent code (the store merged with a file).
 */

/** Every cycle in the parent links, each as its codes in parent order, starting at its smallest code. */
export function findCycles(parents: ReadonlyMap<string, string | null>): string[][] {
  const cycles: string[][] = [];
  const settled = new Set<string>();
  for (const start of parents.keys()) {
    const trail: string[] = [];
    const onTrail = new Map<string, number>();
    let code: string | null | undefined = start;
    while (code != null && !settled.has(code) && !onTrail.has(code)) {
      onTrail.set(code, trail.length);
      trail.push(code);
      code = parents.get(code);
    }
    if (code != null && onTrail.has(code)) cycles.push(rotateToSmallest(trail.slice(onTrail.get(code))));
    for (const visited of trail) settled.add(visited);
  }
  return cycles;
}

function rotateToSmallest(cycle: string[]): string[] {
  const smallest = [...cycle].sort()[0];
  const index = smallest === undefined ? 0 : cycle.indexOf(smallest);
  return [...cycle.slice(index), ...cycle.slice(0, index)];
}

/** `A → B → A`: a cycle for a message (each unit's parent follows it). */
export function describeCycle(cycle: readonly string[]): string {
  return [...cycle, cycle[0]].join(' → ');
}

/**
 * The level of every unit (1 = root) whose chain of parents reaches a root; units on or under a
 * cycle or an unknown parent are left out.
 */
export function computeLevels(parents: ReadonlyMap<string, string | null>): Map<string, number> {
  const levels = new Map<string, number>();
  const levelOf = (code: string, seen: Set<string>): number | undefined => {
    const known = levels.get(code);
    if (known !== undefined) return known;
    if (!parents.has(code) || seen.has(code)) return undefined;
    seen.add(code);
    const parent = parents.get(code);
    const level = parent == null ? 1 : (levelOf(parent, seen) ?? 0) + 1;
    if (level <= 1 && parent != null) return undefined;
    levels.set(code, level);
    return level;
  };
  for (const code of parents.keys()) levelOf(code, new Set());
  return levels;
}
