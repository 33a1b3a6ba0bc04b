// survey-core ships its locale modules without type declarations; importing one registers it.
declare module 'survey-core/i18n/danish';
