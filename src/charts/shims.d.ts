// ECharts ships its locale modules without type declarations.
declare module 'echarts/lib/i18n/langNL.js' {
  const lang: Record<string, unknown>;
  export default lang;
}
