// npm run questionnaires:check [-- DIR]: validates every questionnaire file in QUESTIONNAIRES_DIR
// (default ./questionnaires) exactly as the server does at start; exits 1 on any problem. Warnings
// (what SurveyJS ignores, such as unknown properties) are listed apart and do not fail the check.
import { DEFAULTS } from '../src/lib/server/config';
import { scanQuestionnaireDir, formatProblems, formatWarnings } from '../src/lib/server/questionnaires/questionnaires';

const dir = process.argv[2] || process.env.QUESTIONNAIRES_DIR || DEFAULTS.questionnairesDir;
const { loaded, refused } = scanQuestionnaireDir(dir);
for (const f of loaded) console.log(`ok      ${f.file}  (${f.questionnaire.id}@${f.questionnaire.version})`);
for (const line of formatProblems(refused)) console.error(`refused ${line}`);
const warnings = formatWarnings([...loaded, ...refused]);
for (const line of warnings) console.error(`warning ${line}`);
console.log(`${loaded.length} valid, ${refused.length} refused in ${dir}${warnings.length ? `; ${warnings.length} warning(s)` : ''}`);
process.exit(refused.length > 0 ? 1 : 0);
