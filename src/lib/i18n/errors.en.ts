// Refusals that services return as result codes (src/lib/result.ts) and that had no text of their
// own yet. Every code a service can return is a key of the translation layer, in English and Danish.
export default {
	'counsellor.error.onlyCounsellors': 'Only counsellors can see client reports.',
	'counsellor.error.notShared': 'This client does not share their profile with you.',
	'counsellor.share.error.notClient': 'Only client accounts can share a profile with a counsellor.',
	'counsellor.share.error.notSharing': 'You do not share your profile with this counsellor.',
	'others.error.shownName.required': 'Your first name: please write it, so they know who asks.',
	'others.error.shownName.tooLong': 'Your first name: {length} characters; at most {max} are allowed.',
	'others.error.shownName.characters': 'Your first name: it may not contain < > or control characters.',
	'others.error.nickname.tooLong': 'Who the link is for: {length} characters; at most {max} are allowed.',
	'others.error.nickname.characters': 'Who the link is for: it may not contain < > or control characters.',
	'others.error.days': 'When the link closes: choose {choices} days.',
	'author.export.error.noVersion': 'Say which version to export: ?version=1.0.0',
	'author.export.error.noSuchVersion': 'No stored version {version} of {id}.',
	'author.export.error.ambiguous': 'Version {version} of {id} was stored with different contents; add &sha=<first digits of its SHA-256>.',
	'author.export.error.tooFew': 'Only {n} of the {min} completed responses needed for version {version}; {needed} more are needed before statistics are shown.'
};
