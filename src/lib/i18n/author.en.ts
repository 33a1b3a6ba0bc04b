// UI strings of the author pages (English). Keys start with 'author.'.
const messages = {} as const;

export default messages;
