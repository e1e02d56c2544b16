import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { checkRow } from '/work/main/api/src/imports/import-row';
const file = '/tmp/import-bench-15626.csv';
const known = { agencies: new Set(['Bench NGO']), platforms: new Set(['telegram', 'x', 'facebook', 'instagram', 'youtube', 'tiktok']) };
async function run() {
  const recs: string[][] = [];
  const parser = createReadStream(file).pipe(parse({ bom: true }));
  for await (const rec of parser as AsyncIterable<any>) recs.push(rec);
  recs.shift();
  for (let k = 0; k < 4; k++) {
    const t = Date.now();
    for (let i = 0; i < recs.length; i++) checkRow(recs[i], i, known);
    console.log('check only', Date.now() - t, 'ms');
  }
}
run();
