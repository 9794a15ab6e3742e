import { useEffect, useRef } from 'react';
import { echarts, type TChartEvent, type TChartOption } from './echarts-setup.js';

/**
 * One ECharts canvas: created once, given a new option on every change (replacing the old one),
 * resized with its box, and disposed on unmount. `onClick` gets ECharts' click event.
 */
export function EChart({
  option,
  onClick,
  height = 320,
  testId,
}: {
  option: TChartOption;
  onClick?: (event: TChartEvent) => void;
  height?: number;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current);
    chart.current = instance;
    instance.on('click', (event) => clickHandler.current?.(event as TChartEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} data-testid={testId} style={{ width: '100%', height }} />;
}
