import { Model } from 'survey-core';
import fs from 'fs';
const q = JSON.parse(fs.readFileSync('questionnaires/study-habits.json','utf8'));
const s = new Model(q.survey);
const m = s.getQuestionByName('askFor'); console.log(m.columns.map(c=>[c.value, c.score, c.getType()]));
const r = s.getQuestionByName('searchFirst'); console.log(r.choices.map(c=>[c.value,c.score]));
s.setValue('plan', {week: 4}); s.setValue('courses', [{course:'x', enjoy: true}]); console.log(JSON.stringify(s.data));
