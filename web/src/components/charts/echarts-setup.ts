/**
 * ECharts with only the parts the app draws (line, bar, custom error bars, map), so the bundle
 * does not carry the whole library.
 */
import { BarChart, CustomChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type { ECElementEvent as TChartEvent, EChartsCoreOption as TChartOption } from 'echarts/core';
export { echarts };
