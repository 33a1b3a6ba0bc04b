// UI strings for occupations a client can act on (English): the occupation page, labour-market facts
// beside each match, the level filter on the matches page, and how a Danish title was chosen.
// Keys start with 'occ.', 'lmi.' or 'matching.'.
const messages = {
	'matching.titleMatch.iscoGroup': 'ESCO: the Danish name of the occupational group (DISCO-08) this occupation belongs to',
	'matching.titleChecked': 'checked by hand on {date}'
};

export default messages;
