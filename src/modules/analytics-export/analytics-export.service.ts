/** The sub-unit table of one indicator as an XLSX workbook (the indicator page's export). */
import ExcelJS from 'exceljs';
import type { TAnalyticsAnswer, TAnalyticsRow } from '../analytics/analytics.schema.js';

export type TExportLanguage = 'zh-CN' | 'en';

type TColumn = { header: Record<TExportLanguage, string>; width: number; value(row: TAnalyticsRow): unknown };

const yesNo = (value: boolean | null, language: TExportLanguage) =>
  value === null ? null : language === 'en' ? (value ? 'yes' : 'no') : value ? '是' : '否';

function columns(language: TExportLanguage): TColumn[] {
  return [
    { header: { 'zh-CN': '编码', en: 'Code' }, width: 12, value: (row) => row.orgUnit },
    {
      header: { 'zh-CN': '单位', en: 'Unit' },
      width: 22,
      value: (row) => (language === 'en' && row.nameEn ? row.nameEn : row.name),
    },
    { header: { 'zh-CN': '数值', en: 'Value' }, width: 10, value: (row) => row.value },
    { header: { 'zh-CN': '分子', en: 'Numerator' }, width: 12, value: (row) => row.numerator },
    { header: { 'zh-CN': '分母', en: 'Denominator' }, width: 12, value: (row) => row.denominator },
    {
      header: { 'zh-CN': '95%置信区间下限', en: '95% CI low' },
      width: 12,
      value: (row) => row.ci95?.[0] ?? null,
    },
    {
      header: { 'zh-CN': '95%置信区间上限', en: '95% CI high' },
      width: 12,
      value: (row) => row.ci95?.[1] ?? null,
    },
    {
      header: { 'zh-CN': '上年同期', en: 'Same period last year' },
      width: 12,
      value: (row) => row.previous.value,
    },
    {
      header: { 'zh-CN': '上年同期分子', en: 'Numerator last year' },
      width: 12,
      value: (row) => row.previous.numerator,
    },
    {
      header: { 'zh-CN': '上年同期分母', en: 'Denominator last year' },
      width: 12,
      value: (row) => row.previous.denominator,
    },
    { header: { 'zh-CN': '同比变化', en: 'Change' }, width: 10, value: (row) => row.change },
    { header: { 'zh-CN': 'P值', en: 'p-value' }, width: 10, value: (row) => row.pValue },
    {
      header: { 'zh-CN': '差异显著', en: 'Significant' },
      width: 10,
      value: (row) => yesNo(row.significant, language),
    },
    { header: { 'zh-CN': '排名', en: 'Rank' }, width: 8, value: (row) => row.rank },
    {
      header: { 'zh-CN': '高于上级平均', en: 'Above parent average' },
      width: 12,
      value: (row) => yesNo(row.aboveParentAverage, language),
    },
    { header: { 'zh-CN': '走势', en: 'Direction' }, width: 10, value: (row) => row.direction },
    {
      header: { 'zh-CN': '目标规则', en: 'Target rule' },
      width: 22,
      value: (row) => row.target?.rule ?? null,
    },
    {
      header: { 'zh-CN': '目标完成情况', en: 'Target status' },
      width: 12,
      value: (row) => row.target?.status ?? null,
    },
    {
      header: { 'zh-CN': '完成概率', en: 'Probability' },
      width: 10,
      value: (row) => row.target?.probability ?? null,
    },
    {
      header: { 'zh-CN': '年末预测', en: 'Year-end forecast' },
      width: 12,
      value: (row) => row.target?.forecast?.value ?? null,
    },
    {
      header: { 'zh-CN': '预测80%下限', en: 'Forecast 80% low' },
      width: 12,
      value: (row) => row.target?.forecast?.ci80?.[0] ?? null,
    },
    {
      header: { 'zh-CN': '预测80%上限', en: 'Forecast 80% high' },
      width: 12,
      value: (row) => row.target?.forecast?.ci80?.[1] ?? null,
    },
  ];
}

/**
 * An XLSX file (bytes) with a title line (indicator, unit, period), a header row, the parent's
 * row in bold and one row per sub-unit; numbers stay numbers (full precision), missing cells empty.
 */
export async function buildAnalyticsWorkbook(
  answer: TAnalyticsAnswer,
  language: TExportLanguage,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tiaodu';
  const sheet = workbook.addWorksheet(answer.indicator.code);
  const list = columns(language);
  const name = language === 'en' && answer.indicator.nameEn ? answer.indicator.nameEn : answer.indicator.name;
  const { period } = answer;
  const range = `${period.start} – ${period.end}${period.ytd ? (language === 'en' ? ' (year to date)' : '(累计)') : ''}`;
  sheet.addRow([`${name}${answer.indicator.unit ? ` (${answer.indicator.unit})` : ''}`, range]).font = {
    bold: true,
    size: 13,
  };
  const header = sheet.addRow(list.map((column) => column.header[language]));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
  list.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  const cells = (row: TAnalyticsRow) => list.map((column) => column.value(row) ?? null);
  sheet.addRow(cells(answer.parent)).font = { bold: true };
  for (const row of answer.rows) if (row.orgUnit !== answer.parent.orgUnit) sheet.addRow(cells(row));
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
