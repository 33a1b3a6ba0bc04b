// Guessing limits: sign-in and registration (src/lib/server/account/throttle.ts).
export default {
	'throttle.signIn.one': 'Too many attempts; try again in 1 second.',
	'throttle.signIn.seconds': 'Too many attempts; try again in {n} seconds.',
	'throttle.signIn.minutes': 'Too many attempts from this address; try again in {n} minutes.',
	'throttle.register.one': 'Too many new accounts from this address; try again in 1 second.',
	'throttle.register.seconds': 'Too many new accounts from this address; try again in {n} seconds.',
	'throttle.register.minutes': 'Too many new accounts from this address; try again in {n} minutes.'
};
