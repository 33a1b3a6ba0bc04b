/** Item analysis and reliability (docs/batch-csv.md, `npm run analyze`). */
export { analyzeItems } from './analyze-items.ts';
export type { ItemAnalysis, ItemAnalysisReport, ScaleAnalysis } from './analyze-items.ts';
export { cronbachAlpha } from './cronbach-alpha.ts';
export { correctedItemTotal } from './item-total.ts';
export { describeItem, mean, sampleVariance } from './descriptive.ts';
export type { ItemDescription } from './descriptive.ts';
export { pearson } from './correlation.ts';
export { answerDistribution } from './distribution.ts';
export type { ValueCount } from './distribution.ts';
export { longestRun } from './careless.ts';
export { createItemAnalysis } from './streaming.ts';
