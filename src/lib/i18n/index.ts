// One small translation layer for every UI string. English is the reference; Danish must have
// every key (the type checks it).
import enBase from './en';
import daBase from './da';
import enAuthor from './author.en';
import daAuthor from './author.da';
import enCounsellor from './counsellor.en';
import daCounsellor from './counsellor.da';
import enMatching from './matching.en';
import daMatching from './matching.da';
import enForm from './form.en';
import daForm from './form.da';
import enOthers from './others.en';
import daOthers from './others.da';
import enAccess from './access.en';
import daAccess from './access.da';
import enOptions from './options.en';
import daOptions from './options.da';
import enTrust from './trust.en';
import daTrust from './trust.da';
import enPrivacy from './privacy.en';
import daPrivacy from './privacy.da';
import enThrottle from './throttle.en';
import daThrottle from './throttle.da';
import enErrors from './errors.en';
import daErrors from './errors.da';
import enRecovery from './recovery.en';
import daRecovery from './recovery.da';
import enRefusals from './refusals.en';
import daRefusals from './refusals.da';
import enTwoFactor from './twofactor.en';
import daTwoFactor from './twofactor.da';
import enComplete from './complete.en';
import daComplete from './complete.da';
import enEndAccess from './endaccess.en';
import daEndAccess from './endaccess.da';
import enCompletionKey from './completion-key.en';
import daCompletionKey from './completion-key.da';
import enAdaptive from './adaptive.en';
import daAdaptive from './adaptive.da';
import enOccupations from './occupations.en';
import daOccupations from './occupations.da';
import enGroups from './groups.en';
import daGroups from './groups.da';
import enDecision from './decision.en';
import daDecision from './decision.da';
import enRoughEdges from './roughedges.en';
import daRoughEdges from './roughedges.da';

// Each area keeps its strings in its own pair of files; English is the reference for the keys.
const en = { ...enBase, ...enAuthor, ...enCounsellor, ...enMatching, ...enForm, ...enOthers, ...enAccess, ...enOptions, ...enTrust, ...enPrivacy, ...enThrottle, ...enErrors, ...enRecovery, ...enRefusals, ...enTwoFactor, ...enComplete, ...enEndAccess, ...enCompletionKey, ...enAdaptive, ...enOccupations, ...enGroups, ...enDecision, ...enRoughEdges };
const da: Messages = { ...daBase, ...daAuthor, ...daCounsellor, ...daMatching, ...daForm, ...daOthers, ...daAccess, ...daOptions, ...daTrust, ...daPrivacy, ...daThrottle, ...daErrors, ...daRecovery, ...daRefusals, ...daTwoFactor, ...daComplete, ...daEndAccess, ...daCompletionKey, ...daAdaptive, ...daOccupations, ...daGroups, ...daDecision, ...daRoughEdges };

export const LOCALES = ['en', 'da'] as const;
export type Locale = (typeof LOCALES)[number];
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const catalogues: Record<Locale, Messages> = { en, da };

export const isLocale = (v: unknown): v is Locale => LOCALES.includes(v as Locale);

/** Replaces `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>) {
	const text = catalogues[locale][key] ?? en[key] ?? key;
	return params ? text.replace(/\{(\w+)\}/g, (m, p) => (p in params ? String(params[p]) : m)) : text;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export const translator = (locale: Locale): Translate => (key, params) => translate(locale, key, params);

/** The best supported locale for an Accept-Language header (q-values honoured), else English. */
export function pickLocale(acceptLanguage: string | null | undefined): Locale {
	if (!acceptLanguage) return 'en';
	const ranked = acceptLanguage
		.split(',')
		.map((part) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
		})
		.filter((x) => x.tag && x.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of ranked) {
		const base = tag.split('-')[0];
		if (base === 'nb' || base === 'no' || base === 'nn') continue;
		if (isLocale(base)) return base;
	}
	return 'en';
}
