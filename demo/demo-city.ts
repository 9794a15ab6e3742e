/**
 * The demo city 青山市 (Qingshan): its ten counties/districts with the traits the generator
 * gives them, and its ~150 townships with their sizes. Pure and deterministic for a seed.
 */
import { createRandom } from './demo-random.js';
import { RURAL_STEMS, type TNameStem, URBAN_STEMS } from './township-names.js';

/** The city's code; counties are `QS01`…`QS10`, townships `QS0101`…. */
export const CITY = { code: 'QS', name: '青山市', nameEn: 'Qingshan' } as const;

/** A county or district and the traits its data is generated with. */
export interface TDemoCounty {
  code: string;
  name: string;
  nameEn: string;
  isDistrict: boolean;
  townshipCount: number;
  /** True crude birth rate in 2022, births per 1,000 residents. */
  birthRate2022: number;
  /** Relative change of the birth rate per year (−0.04 = falls 4 % a year). */
  birthRateTrend: number;
  /** Males per 100 females at birth. */
  sexRatio: number;
  /** Share of third-and-later births in 2022. */
  thirdPlusShare2022: number;
  /** Relative change of the third-plus share per year. */
  thirdPlusTrend: number;
  /** Share of births the statistics report (STAT) captures; hospitals (HOSP) capture 97 %. */
  statCapture: number;
  /** LARC users per woman covered. */
  larcCoverage: number;
  /** Share of verified items found wrong. */
  discrepancyRate: number;
  /** Yearly population growth (urban districts grow, rural counties shrink). */
  populationGrowth: number;
}

/** Share of births hospital delivery records capture, in every county. */
export const HOSP_CAPTURE = 0.97;

const county = (
  code: string,
  name: string,
  nameEn: string,
  traits: Omit<TDemoCounty, 'code' | 'name' | 'nameEn' | 'isDistrict'>,
): TDemoCounty => ({ code, name, nameEn, isDistrict: name.endsWith('区'), ...traits });

const DISTRICT = { statCapture: 0.985, populationGrowth: 0.01, thirdPlusTrend: -0.06 };
const RURAL = { statCapture: 0.985, populationGrowth: -0.006, thirdPlusTrend: -0.06 };

/**
 * The ten counties. Trending up: 南岭区 QS03 (a new district drawing young families) and 云岭县
 * QS07. Under-reporting: 柳溪县 QS06, whose statistics report misses ~10 % of the births that
 * hospitals record.
 */
export const DEMO_COUNTIES: readonly TDemoCounty[] = [
  county('QS01', '青山区', 'Qingshan District', {
    ...DISTRICT,
    townshipCount: 12,
    birthRate2022: 9.9,
    birthRateTrend: -0.04,
    sexRatio: 106.5,
    thirdPlusShare2022: 0.06,
    larcCoverage: 0.93,
    discrepancyRate: 0.02,
  }),
  county('QS02', '东湖区', 'Donghu District', {
    ...DISTRICT,
    townshipCount: 9,
    birthRate2022: 9.5,
    birthRateTrend: -0.03,
    sexRatio: 107,
    thirdPlusShare2022: 0.055,
    larcCoverage: 0.94,
    discrepancyRate: 0.025,
  }),
  county('QS03', '南岭区', 'Nanling District', {
    ...DISTRICT,
    townshipCount: 10,
    birthRate2022: 10.2,
    birthRateTrend: 0.03,
    sexRatio: 108,
    thirdPlusShare2022: 0.07,
    thirdPlusTrend: 0.05,
    larcCoverage: 0.91,
    discrepancyRate: 0.03,
    populationGrowth: 0.025,
  }),
  county('QS04', '北塘区', 'Beitang District', {
    ...DISTRICT,
    townshipCount: 8,
    birthRate2022: 9.9,
    birthRateTrend: -0.04,
    sexRatio: 107.5,
    thirdPlusShare2022: 0.065,
    larcCoverage: 0.92,
    discrepancyRate: 0.02,
  }),
  county('QS05', '松林县', 'Songlin County', {
    ...RURAL,
    townshipCount: 18,
    birthRate2022: 12.8,
    birthRateTrend: -0.04,
    sexRatio: 112,
    thirdPlusShare2022: 0.12,
    larcCoverage: 0.9,
    discrepancyRate: 0.035,
  }),
  county('QS06', '柳溪县', 'Liuxi County', {
    ...RURAL,
    townshipCount: 20,
    birthRate2022: 12.6,
    birthRateTrend: -0.03,
    sexRatio: 110,
    thirdPlusShare2022: 0.13,
    larcCoverage: 0.87,
    discrepancyRate: 0.08,
    statCapture: 0.875,
  }),
  county('QS07', '云岭县', 'Yunling County', {
    ...RURAL,
    townshipCount: 17,
    birthRate2022: 11.0,
    birthRateTrend: 0.04,
    sexRatio: 114.5,
    thirdPlusShare2022: 0.15,
    thirdPlusTrend: 0.04,
    larcCoverage: 0.88,
    discrepancyRate: 0.04,
    populationGrowth: 0,
  }),
  county('QS08', '石桥县', 'Shiqiao County', {
    ...RURAL,
    townshipCount: 19,
    birthRate2022: 12.2,
    birthRateTrend: -0.05,
    sexRatio: 111,
    thirdPlusShare2022: 0.11,
    larcCoverage: 0.91,
    discrepancyRate: 0.03,
  }),
  county('QS09', '凤鸣县', 'Fengming County', {
    ...RURAL,
    townshipCount: 16,
    birthRate2022: 10.8,
    birthRateTrend: -0.02,
    sexRatio: 109,
    thirdPlusShare2022: 0.1,
    larcCoverage: 0.95,
    discrepancyRate: 0.015,
  }),
  county('QS10', '枫湾县', 'Fengwan County', {
    ...RURAL,
    townshipCount: 21,
    birthRate2022: 13.2,
    birthRateTrend: -0.04,
    sexRatio: 113,
    thirdPlusShare2022: 0.14,
    larcCoverage: 0.89,
    discrepancyRate: 0.05,
  }),
];

/** A township (subdistrict in a district) with its size and its own small deviations. */
export interface TDemoTownship {
  code: string;
  name: string;
  nameEn: string;
  county: TDemoCounty;
  /** Residents at the end of 2021. */
  population2021: number;
  /** Multiplies the county's birth rate (a township's own level, around 1). */
  birthRateFactor: number;
}

/** Every township of the city for `seed`, county by county, codes `QS0101`…. */
export function buildTownships(seed: number): TDemoTownship[] {
  const random = createRandom(seed, 'townships');
  const urban = [...URBAN_STEMS];
  const rural = [...RURAL_STEMS];
  const townships: TDemoTownship[] = [];
  for (const parent of DEMO_COUNTIES) {
    for (let index = 0; index < parent.townshipCount; index++) {
      const code = `${parent.code}${String(index + 1).padStart(2, '0')}`;
      const isSeat = !parent.isDistrict && index === 0;
      const [name, nameEn] = townshipName(parent, index, isSeat, parent.isDistrict ? urban : rural);
      const population2021 = parent.isDistrict
        ? random.integer(30_000, 72_000)
        : isSeat
          ? random.integer(60_000, 78_000)
          : random.integer(11_000, 45_000);
      const birthRateFactor = Math.exp(0.08 * random.normal());
      townships.push({ code, name, nameEn, county: parent, population2021, birthRateFactor });
    }
  }
  return townships;
}

/** `和平街道 Heping Subdistrict`, `城关镇 Chengguan Town`, every fourth rural unit a `乡 Township`. */
function townshipName(
  parent: TDemoCounty,
  index: number,
  isSeat: boolean,
  stems: TNameStem[],
): [string, string] {
  if (isSeat) return ['城关镇', 'Chengguan Town'];
  const stem = stems.shift();
  if (!stem) throw new Error(`demo city: out of township names in ${parent.code}`);
  if (parent.isDistrict) return [`${stem[0]}街道`, `${stem[1]} Subdistrict`];
  return index % 4 === 3 ? [`${stem[0]}乡`, `${stem[1]} Township`] : [`${stem[0]}镇`, `${stem[1]} Town`];
}
