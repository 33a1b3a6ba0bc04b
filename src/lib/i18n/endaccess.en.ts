// Ending API tokens together with sessions: "sign out everywhere" and a password change (English,
// the reference for the keys).
export default {
	'endAccess.tokens.signOut': 'Also end every API token, so that no service can read your profile any more (make new ones later if you need them)',
	'endAccess.tokens.password': 'Also end every API token of my account (services using one stop reading my profile until I make a new one)',
	'endAccess.tokens.ended': '{n} API tokens were ended.',
	'endAccess.tokens.endedOne': 'One API token was ended.',
	'endAccess.signedOut': 'You are signed out everywhere.',
	'endAccess.signedOutTokens': 'You are signed out everywhere, and {n} API tokens were ended.'
};
