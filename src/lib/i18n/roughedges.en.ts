// Small finishing touches: keeping the resume code, the page after deleting an account, and the
// item analysis's warnings for authors.
export default {
	'codeKeep.label': 'Keep the code',
	'codeKeep.copy': 'Copy the code',
	'codeKeep.copied': 'The code is copied. Paste it somewhere safe.',
	'codeKeep.copyFailed': 'Copying did not work here. Please write the code down or download it.',
	'codeKeep.print': 'Print this page',
	'codeKeep.download': 'Download as a text file',
	'codeKeep.printView': 'Page for printing',
	'codeKeep.printHint': 'Use your browser’s Print command (for example Ctrl+P) to print this page.',
	'codeKeep.back': 'Back to the code',
	'codeKeep.fileTitle': 'Spejl – your resume code',
	'codeKeep.fileMade': 'Made {date}.',
	'deleted.title': 'Your account is deleted',
	'deleted.body': 'Your account, your answers, your results and everything you shared are deleted. You are signed out.',
	'deleted.backups': 'Backups kept by the people who run this Spejl may still hold your data until they expire.',
	'deleted.home': 'Go to the front page',
	'analysis.alphaTooFew': 'Too few responses for α: at least {min} are needed, there are {n}.',
	'analysis.alphaTooFewShort': 'n too small',
	'analysis.itemText': 'Item text'
};
