import { readdirSync, readFileSync } from 'node:fs';
import { analyze, formatForPath, loadConfig } from '/work/main/core';
const dir = '/work/shared/corpus/asl';
const files = readdirSync(dir).map((f) => ({ f, text: readFileSync(`${dir}/${f}`, 'utf8') }));
const all = ['ASL001','ASL002','ASL003','ASL004','ASL005','ASL006','ASL007','IAM001','IAM002','IAM003','IAM004','QUO001','QUO002','QUO003','QUO004','QUO005','SEC001','SEC002','SEC003','SEC004','SEC005','SEC006','SEC007'];
const off = (ids: string[]) => loadConfig({ rules: Object.fromEntries(ids.map((i) => [i, 'off'])) }).config;
const cpu = (config?: any) => { const c = process.cpuUsage(); for (const { f, text } of files) analyze(text, { format: formatForPath(f), config }); const d = process.cpuUsage(c); return (d.user + d.system) / 1000; };
const c0 = process.cpuUsage(); const t0 = performance.now(); cpu(); console.log('cold all: wall', (performance.now()-t0).toFixed(0), 'ms');
const confs: [string, any][] = [['all rules', undefined], ['parse+model only', off(all)], ['ASL006 only', off(all.filter(x=>x!=='ASL006'))], ['ASL007 only', off(all.filter(x=>x!=='ASL007'))], ['ASL001-005 only', off(all.filter(x=>!/^ASL00[1-5]/.test(x)))], ['all but ASL006/7', off(['ASL006','ASL007'])]];
for (const [n, c] of confs) { cpu(c); const ts = [cpu(c), cpu(c), cpu(c), cpu(c), cpu(c)]; console.log(n.padEnd(18), 'cpu ms (min of 5):', Math.min(...ts).toFixed(1)); }
