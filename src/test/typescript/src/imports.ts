// Imports through either generated client: an NDJSON file of leads with their past, uploaded,
// followed until it ends, its results read as NDJSON and CSV, and a queued job cancelled; refused
// for another role (403), for an unknown job (404) and, for a cancel, once the job ended (409).
// Like the scenario's, every refusal is a request the contract allows.

import { randomUUID } from 'crypto';
import { ImportRowResultFromJSON } from '../gen/fetch';
import { Baton, ImportJob, ProblemError, Res } from './api';
import { Checks, describe, waitFor } from './checks';
import type { ScenarioEnv } from './scenario';

const P = 'urn:baton:problem:';
const ENDED = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export async function runImports(c: Checks, env: ScenarioEnv, admin: Baton, marketing: Baton): Promise<void> {
  const n = (name: string): string => `${admin.client}: ${name}`;
  const row = (who: string): string => JSON.stringify({
    contact: { email: `${who}.${env.tag}@example.com` },
    attribution: { source: `ts-import-${env.tag}` },
    handedOffAt: '2025-01-06T09:00:00Z',
    moves: [{ action: 'qualify', at: '2025-01-06T10:00:00Z', score: 70 }],
  });

  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      c.fail(n(`${name} threw`), e instanceof ProblemError ? `${e.message} ${describe(e.problem)}` : e);
    }
  }

  async function refused(name: string, action: () => Promise<unknown>, status: number, type: string): Promise<void> {
    try {
      c.fail(n(name), `expected ${status} ${type}, got an answer: ${describe(await action())}`);
    } catch (e) {
      const ok = e instanceof ProblemError && e.status === status && e.problem.type === P + type && e.problem.status === status;
      c.ok(n(name), ok, ok ? undefined : e instanceof ProblemError ? `${e.status} ${describe(e.problem)}` : e);
    }
  }

  let jobId = '';
  await step('createImport, getImport', async () => {
    const file = `${row('imp-a')}\n${JSON.stringify({ contact: { email: 'nope' }, handedOffAt: '2025-01-06T09:00:00Z' })}\n`;
    const created = await admin.createImport(file, 'skip', randomUUID());
    jobId = created.body.id;
    c.ok(n('createImport: 202, the job queued at Location'),
      created.status === 202 && (created.header('Location') ?? '').endsWith(`/api/v1/imports/${jobId}`)
      && created.body.format === 'NDJSON' && created.body.duplicates === 'SKIP',
      { status: created.status, location: created.header('Location'), job: created.body });
    const job = await waitFor(async () => {
      const got = await admin.getImport(jobId);
      return ENDED.includes(got.body.state) ? got : undefined;
    }, 30_000, 200);
    c.ok(n('getImport: SUCCEEDED, one row created and one refused, results named'),
      job?.body.state === 'SUCCEEDED' && job.body.rowsRead === 2 && job.body.rowsCreated === 1 && job.body.rowsRefused === 1
      && job.body.results === `/api/v1/imports/${jobId}/results`, job?.body);
  });
  await step('getImportResults', async () => {
    const ndjson = await admin.getImportResults(jobId);
    const rows = ndjson.body.trim().split('\n').map((line) => ImportRowResultFromJSON(JSON.parse(line)));
    c.ok(n('getImportResults: one NDJSON line per row, CREATED with its lead, then REFUSED with its problem'),
      ndjson.status === 200 && rows.length === 2 && rows[0]?.outcome === 'CREATED' && typeof rows[0].leadId === 'string'
      && rows[1]?.row === 2 && rows[1].outcome === 'REFUSED' && (rows[1].problem?.type ?? '').startsWith(P), ndjson.body);
    const lead = rows[0]?.leadId === undefined ? undefined : await admin.getLead(rows[0].leadId);
    c.ok(n('the imported lead: qualified, as its past says'), lead?.body.status === 'QUALIFIED', lead?.body);
    const csv = await admin.getImportResults(jobId, 'csv');
    const lines = csv.body.trim().split('\n');
    c.ok(n('getImportResults format=csv: a header, then one row per line'),
      lines[0] === 'row,outcome,leadId,problem' && lines[1] === `1,CREATED,${rows[0]?.leadId},` && lines.length === 3, csv.body);
  });
  await step('cancelImport', async () => {
    // The runner looks for jobs every second: a cancel right after the upload nearly always finds
    // the job queued; when the runner was quicker, the answer is 409 and another upload is tried.
    let cancelled: Res<ImportJob> | undefined;
    for (let attempt = 0; attempt < 5 && cancelled === undefined; attempt++) {
      const queued = await admin.createImport(`${row(`imp-c${attempt}`)}\n`);
      try {
        cancelled = await admin.cancelImport(queued.body.id);
      } catch (e) {
        if (!(e instanceof ProblemError && e.status === 409)) throw e;
      }
    }
    c.ok(n('cancelImport: the queued job CANCELLED'),
      cancelled?.status === 200 && cancelled.body.state === 'CANCELLED' && cancelled.body.finishedAt !== undefined, cancelled?.body);
    await refused('cancelImport of an ended job: 409', () => admin.cancelImport(jobId), 409, 'import-ended');
  });
  await step('imports refused', async () => {
    await refused('createImport as MARKETING: 403', () => marketing.createImport(`${row('imp-m')}\n`), 403, 'forbidden');
    const unknown = randomUUID();
    await refused('getImport of an unknown job: 404', () => admin.getImport(unknown), 404, 'not-found');
    await refused('getImportResults of an unknown job: 404', () => admin.getImportResults(unknown), 404, 'not-found');
    await refused('cancelImport of an unknown job: 404', () => admin.cancelImport(unknown), 404, 'not-found');
  });
}
