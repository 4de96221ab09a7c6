import { readdirSync, readFileSync } from 'node:fs';
import { analyze, formatForPath, loadConfig } from './core';
const dir = '/work/shared/corpus/asl';
const files = readdirSync(dir).map(f => [f, readFileSync(`${dir}/${f}`, 'utf8')]);
const mine = ['QUO001','QUO002','QUO003','QUO004','QUO005'];
const all = ['ASL001','ASL002','ASL003','ASL004','ASL005','ASL006','ASL007','IAM001','IAM002','IAM003','IAM004','SEC001','SEC002','SEC003','SEC004','SEC005','SEC006','SEC007', ...mine];
for (const [label, off] of [['all', []], ['without QUO', mine], ['only QUO', all.filter(c => !mine.includes(c))]] as const) {
  const config = loadConfig({ rules: Object.fromEntries(off.map(c => [c, 'off'])) }).config;
  for (const [f, t] of files) analyze(t, { format: formatForPath(f), config });
  const s = performance.now();
  for (const [f, t] of files) analyze(t, { format: formatForPath(f), config });
  console.log(label, (performance.now() - s).toFixed(0), 'ms');
}
