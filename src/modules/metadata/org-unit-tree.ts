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
 * The level (1 = root) and path (`/QS/QS01`) of every unit whose chain of parents reaches a
 * root; units on or under a cycle or an unknown parent are left out.
 */
export function computeTree(
  parents: ReadonlyMap<string, string | null>,
): Map<string, { level: number; path: string }> {
  const placed = new Map<string, { level: number; path: string }>();
  const place = (code: string, seen: Set<string>): { level: number; path: string } | undefined => {
    const known = placed.get(code);
    if (known) return known;
    if (!parents.has(code) || seen.has(code)) return undefined;
    seen.add(code);
    const parent = parents.get(code);
    const above = parent == null ? { level: 0, path: '' } : place(parent, seen);
    if (!above) return undefined;
    const node = { level: above.level + 1, path: `${above.path}/${code}` };
    placed.set(code, node);
    return node;
  };
  for (const code of parents.keys()) place(code, new Set());
  return placed;
}
