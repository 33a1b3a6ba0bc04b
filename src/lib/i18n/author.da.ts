import type author from './author.en';

// UI strings of the author pages (Danish): every key of the English file.
const messages: Record<keyof typeof author, string> = {};

export default messages;
