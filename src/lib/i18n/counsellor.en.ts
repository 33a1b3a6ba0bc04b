// UI strings of the counsellor pages (English). Keys start with 'counsellor.'.
const messages = {} as const;

export default messages;
