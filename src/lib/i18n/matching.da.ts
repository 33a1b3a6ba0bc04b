import type matching from './matching.en';

// UI strings of the matching pages (Danish): every key of the English file.
const messages: Record<keyof typeof matching, string> = {};

export default messages;
