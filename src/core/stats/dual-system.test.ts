import { describe, expect, it } from 'vitest';
import { chapmanEstimate } from './dual-system.js';

describe('chapmanEstimate', () => {
  it('reproduces recapr for n1 = n2 = 100 and m = 20', () => {
    const estimate = chapmanEstimate(100, 100, 20);
    expect(estimate.estimate).toBeCloseTo(484.7619, 4);
    expect(estimate.variance).toBeCloseTo(6729.169, 3);
    expect(estimate.standardError).toBeCloseTo(82.03151, 5);
    expect(estimate.ci.low + estimate.ci.high).toBeCloseTo(969.5238, 4);
    expect(estimate.ci.low).toBeCloseTo(323.9831, 4);
    expect(estimate.ci.high).toBeCloseTo(645.5407, 4);
    expect(estimate.petersen).toBe(500);
  });

  it('gives Chapman 926.3636 and Petersen 1000 for m = 10', () => {
    const estimate = chapmanEstimate(100, 100, 10);
    expect(estimate.estimate).toBeCloseTo(926.3636, 4);
    expect(estimate.petersen).toBe(1000);
  });

  it('reports each source’s completeness and the events missed by both', () => {
    const estimate = chapmanEstimate(900, 800, 720);
    expect(estimate.completeness.source1).toBeCloseTo(900 / estimate.estimate, 12);
    expect(estimate.completeness.combined).toBeCloseTo(980 / estimate.estimate, 12);
    expect(estimate.missedByBoth).toBeCloseTo(estimate.estimate - 980, 12);
  });

  it('rejects a matched count larger than a source', () => {
    expect(() => chapmanEstimate(10, 5, 6)).toThrow(RangeError);
  });
});
