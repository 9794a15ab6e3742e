/** The cells of a data element's disaggregation (pure). */

export interface OptionComboSpec {
  /** Option codes joined with `.` in category order; `default` without categories. */
  code: string;
  /** Category code → option code, e.g. `{"SEX": "M", "ORDER": "3P"}`. */
  options: Record<string, string>;
}

/** Code of the one combo of a data element without categories. */
export const DEFAULT_COMBO = 'default';

/** The cartesian product of the categories' options, first category varying slowest. */
export function buildOptionCombos(
  categories: readonly { code: string; options: readonly string[] }[],
): OptionComboSpec[] {
  if (categories.length === 0) return [{ code: DEFAULT_COMBO, options: {} }];
  let combos: { codes: string[]; options: Record<string, string> }[] = [{ codes: [], options: {} }];
  for (const category of categories) {
    combos = combos.flatMap((combo) =>
      category.options.map((option) => ({
        codes: [...combo.codes, option],
        options: { ...combo.options, [category.code]: option },
      })),
    );
  }
  return combos.map((combo) => ({ code: combo.codes.join('.'), options: combo.options }));
}
