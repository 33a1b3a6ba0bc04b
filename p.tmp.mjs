import { ConditionRunner, ExpressionRunner } from 'survey-core';
for (const t of ['{a} >', '{a} > 1', 'foo(', "{a} = 'x", 'iif({a} > 1, 2, 3)', 'age({bd}) >= 18', '{a} notempty']) { const r = new ConditionRunner(t); console.log(t, r.canRun(), r.runValues({a:2, bd:'2000-01-01'})); }
