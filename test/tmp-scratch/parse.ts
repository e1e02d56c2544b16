import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { checkRow } from '/work/main/api/src/imports/import-row';
const file = '/tmp/import-bench-15626.csv';
const known = { agencies: new Set(['Bench NGO']), platforms: new Set(['telegram', 'x', 'facebook', 'instagram', 'youtube', 'tiktok']) };
async function run(mode: string) {
  const t = Date.now();
  const parser = createReadStream(file).pipe(parse({ bom: true, delimiter: ',', relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, info: mode !== 'noinfo' }));
  let n = 0; let header = true;
  for await (const rec of parser as AsyncIterable<any>) {
    if (header) { header = false; continue; }
    n++;
    if (mode === 'check') { const r = checkRow(rec.record, rec.info.lines, known); if (Array.isArray(r)) throw new Error(JSON.stringify(r)); }
  }
  console.log(mode, n, Date.now() - t, 'ms');
}
(async () => { for (const m of ['noinfo', 'info', 'check', 'noinfo', 'info', 'check']) await run(m); })();
// staging
import { Writable } from 'node:stream';
import { once } from 'node:events';
export async function stage() {
  const mod = await import('/work/main/api/src/imports/requests-import.service');
  const stagingLine = (mod as any).stagingLine;
  const t = Date.now();
  const parser = createReadStream(file).pipe(parse({ bom: true, delimiter: ',', relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, info: true }));
  const sink = new Writable({ write(c, e, cb) { cb(); } });
  let header = true;
  for await (const rec of parser as AsyncIterable<any>) {
    if (header) { header = false; continue; }
    const r = checkRow(rec.record, rec.info.lines, known);
    if (!Array.isArray(r) && stagingLine && !sink.write(stagingLine(r))) await once(sink, 'drain');
  }
  console.log('stage', Date.now() - t, 'ms', !!stagingLine);
}
setTimeout(() => stage().then(stage), 8000);
