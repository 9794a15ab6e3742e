import { describe, expect, it } from 'vitest';
import {
  byarInterval,
  clopperPearsonInterval,
  garwoodInterval,
  rateInterval,
  sexRatioInterval,
  wilsonInterval,
} from './intervals.js';

// PHE expected outputs (statistics.md §2.1): O, n, multiplier, lower/upper 95%, lower/upper 99.8%.
const PHE_RATES: Array<[number, number, number, number, number, number]> = [
  [1, 100, 0.025317807984289897, 5.571643390938898, 0.0010005003335835344, 9.2334134764515845],
  [5, 100, 1.62348639011842, 11.668332079322669, 0.739371731917839, 16.454745203680105],
  [20, 100, 12.211428834875937, 30.889880369197066, 8.922802365144193, 38.085035625041911],
  [65, 100, 50.163187710459454, 82.849138545939837, 42.880261471480203, 94.000290844318016],
  [9856, 12345, 78.269490589767571, 81.430016542721404, 77.375905432710525, 82.354472770954303],
  [222, 3215, 6.0265748776526751, 7.8757293708718503, 5.5607376952598537, 8.4610466817334107],
];

describe('rateInterval with the PHE rule', () => {
  it.each(PHE_RATES)(
    'reproduces PHE limits for %i events over %i (95%% and 99.8%%)',
    (o, n, l95, u95, l998, u998) => {
      const at95 = rateInterval(o, n, 100, 0.95, 'phe');
      const at998 = rateInterval(o, n, 100, 0.998, 'phe');
      expect(at95?.low).toBeCloseTo(l95, 10);
      expect(at95?.high).toBeCloseTo(u95, 10);
      expect(at998?.low).toBeCloseTo(l998, 10);
      expect(at998?.high).toBeCloseTo(u998, 10);
    },
  );

  it('returns null when the denominator is missing or zero', () => {
    expect(rateInterval(5, 0, 1000)).toBeNull();
  });

  it('uses exact limits for every count by default', () => {
    const exact = garwoodInterval(20);
    expect(rateInterval(20, 100, 100)?.low).toBeCloseTo(exact.low, 12);
  });
});

describe('byarInterval', () => {
  it('reproduces PHE count limits for 1045 events at 95% and 99.8%', () => {
    expect(byarInterval(1045).low).toBeCloseTo(982.59320180733255, 8);
    expect(byarInterval(1045).high).toBeCloseTo(1110.3312129856499, 8);
    expect(byarInterval(1045, 0.998).low).toBeCloseTo(947.94070356103737, 8);
    expect(byarInterval(1045, 0.998).high).toBeCloseTo(1148.8061609880331, 8);
  });

  it('reproduces PHE count limits for 10 events at 99.8%', () => {
    expect(byarInterval(10, 0.998).low).toBeCloseTo(2.916318374695686, 10);
    expect(byarInterval(10, 0.998).high).toBeCloseTo(24.193724927880535, 10);
  });
});

describe('garwoodInterval', () => {
  it('has lower limit 0 and upper limit 3.689 for a count of zero', () => {
    expect(garwoodInterval(0)).toEqual({ low: 0, high: expect.closeTo(3.689, 3) });
  });
});

describe('wilsonInterval', () => {
  it.each([
    [65, 100, 0.55254443296887967, 0.73635751756902468],
    [1, 100, 0.0017674320641406511, 0.054486196178705294],
    [9856, 12345, 0.79121017529090687, 0.80536400736149094],
    [1045, 5000, 0.19795549880013297, 0.22049130373189027],
  ])('reproduces PHE 95%% limits for %i of %i', (o, n, low, high) => {
    expect(wilsonInterval(o, n)?.low).toBeCloseTo(low, 12);
    expect(wilsonInterval(o, n)?.high).toBeCloseTo(high, 12);
  });

  it('reproduces PHE 99.8% limits for 65 of 100', () => {
    expect(wilsonInterval(65, 100, 0.998)?.low).toBeCloseTo(0.49549465740704313, 12);
    expect(wilsonInterval(65, 100, 0.998)?.high).toBeCloseTo(0.77835406140896968, 12);
  });

  it('matches R prop.test(52, 100, correct = FALSE)', () => {
    expect(wilsonInterval(52, 100)?.low).toBeCloseTo(0.423166, 6);
    expect(wilsonInterval(52, 100)?.high).toBeCloseTo(0.615354, 6);
  });

  it.each([
    [4729, 15014, 0.307591, 0.322449],
    [2978, 8205, 0.352611, 0.373416],
    [832, 1323, 0.602503, 0.654498],
  ])('gives the Ghana CPR limits for %i of %i', (o, n, low, high) => {
    expect(wilsonInterval(o, n)?.low).toBeCloseTo(low, 6);
    expect(wilsonInterval(o, n)?.high).toBeCloseTo(high, 6);
  });

  it('returns null for an empty denominator', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('clopperPearsonInterval', () => {
  it('matches R binom.test(682, 925)', () => {
    expect(clopperPearsonInterval(682, 925)?.low).toBeCloseTo(0.707668, 6);
    expect(clopperPearsonInterval(682, 925)?.high).toBeCloseTo(0.765407, 6);
  });
});

describe('sexRatioInterval', () => {
  it('maps the Wilson limits for 1180 boys and 1000 girls to 108.4692–128.3682', () => {
    const limits = sexRatioInterval(1180, 1000);
    expect(limits?.low).toBeCloseTo(108.4692, 4);
    expect(limits?.high).toBeCloseTo(128.3682, 4);
  });

  it('returns null without births', () => {
    expect(sexRatioInterval(0, 0)).toBeNull();
  });
});
