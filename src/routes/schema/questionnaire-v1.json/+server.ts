import { json } from '@sveltejs/kit';
import schema from '../../../../questionnaires/schema.json';

// The questionnaire format's JSON Schema, as kept in the repository for editors.
export const prerender = false;
export const GET = () => json(schema, { headers: { 'cache-control': 'public, max-age=3600' } });
