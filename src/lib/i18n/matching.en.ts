// UI strings of the matching pages (English). Keys start with 'matching.'.
const messages = {} as const;

export default messages;
