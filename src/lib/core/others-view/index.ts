export type { OthersViewDefinition, Quality, QualityTheme, WindowEntry, JohariWindow } from './types.ts';
export { othersViewThemes, selfPicks } from './qualities.ts';
export { johariWindow, othersViewExport, type OthersViewExport } from './window.ts';
export { validateOthersView, checkOthersAnswer, type OthersAnswerCheck } from './validate.ts';
