// Drives every operation of openapi.yaml with the generated typescript-fetch and typescript-axios
// clients, through a Prism proxy that validates each request and response against the contract.
//
// Environment: BATON_URL (the Prism proxy in front of Baton), BATON_ADMIN_KEY, OPENAPI (path to
// openapi.yaml), VERBOSE=1 to print the checks that pass too. Prints one line per failed check and
// closes with "N passed, N failed"; exits 1 when a check failed.

import { randomUUID } from 'crypto';
import { Configuration, ProblemFromJSON, ResponseError, WebhooksApi } from '../gen/fetch';
import { Exchange } from './api';
import { axiosBaton } from './axios-client';
import { Checks, describe, waitFor } from './checks';
import { Coverage, readOperations } from './coverage';
import { fetchBaton } from './fetch-client';
import { batonAxiosLeads, batonClients, handOff, handOffAndReadHeaders, handOffOrFindExisting, leadsOf, pollFeed, verifyWebhook } from './guide';
import { Receiver } from './receiver';
import { runScenario } from './scenario';

function env(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

async function guide(c: Checks, baseUrl: string, apiKey: string, receiver: Receiver, run: string): Promise<void> {
  const n = (name: string): string => `guide: ${name}`;
  const { leads, moves, feed } = batonClients(baseUrl, apiKey);
  const lead = { contact: { email: `guide.${run}@example.com` }, attribution: { source: `guide-${run}` } };

  const { first, retried } = await handOff(leads, lead);
  c.ok(n('hand off with an Idempotency-Key, retry: the same lead'), first.id === retried.id && first.status === 'GENERATED', { first: first.id, retried: retried.id });

  const found = await leadsOf(leads, lead.contact.email.toUpperCase());
  c.ok(n('search by email, sent in the body: the lead'), found.length === 1 && found[0]?.id === first.id, found.map((l) => l.id));

  const headers = await handOffAndReadHeaders(leads, { ...lead, contact: { email: `guide2.${run}@example.com` } });
  c.ok(n('...Raw: Location, ETag, RateLimit'),
    (headers.location ?? '').endsWith(`/api/v1/leads/${headers.created.id}`) && headers.etag === '"1"' && /^"default";r=\d+;t=\d+$/.test(headers.rateLimit ?? ''),
    { location: headers.location, etag: headers.etag, rateLimit: headers.rateLimit });
  c.ok(n('patch with If-Match from the ETag'), headers.patched.segment === 'mid-market' && headers.patched.version === 2, headers.patched);
  c.ok(n('typed Date from the generated model'), headers.created.createdAt instanceof Date && !Number.isNaN(headers.created.createdAt.getTime()));

  const existing = await handOffOrFindExisting(leads, lead);
  c.ok(n('duplicate-lead problem read as a typed Problem, existingLeadId leads to the open lead'),
    existing.problem?.type === 'urn:baton:problem:duplicate-lead' && existing.lead?.id === first.id, existing.problem);

  try {
    await moves.convertLead({ id: first.id });
    c.fail(n('convert a GENERATED lead: refused'));
  } catch (e) {
    const problem = e instanceof ResponseError ? ProblemFromJSON(await e.response.json()) : undefined;
    c.ok(n('transition-not-allowed problem: currentStatus, allowedActions typed'),
      problem?.currentStatus === 'GENERATED' && problem.allowedActions?.includes('QUALIFY') === true, problem ?? describe(e));
  }

  const seen: string[] = [];
  const cursor = await pollFeed(feed, undefined, (event) => {
    if (event.leadId === first.id) seen.push(event.type);
  });
  c.ok(n('poll the feed to its head: the lead\'s events'), cursor.length > 0 && seen[0] === 'lead.created', seen);

  const axiosLeads = batonAxiosLeads(baseUrl, apiKey);
  const read = await axiosLeads.getLead(first.id);
  c.ok(n('typescript-axios client: getLead'), read.status === 200 && read.data.id === first.id && read.headers['etag'] === '"1"', read.headers);

  const webhooks = new WebhooksApi(new Configuration({ basePath: baseUrl, accessToken: apiKey }));
  const path = `/hooks/guide-${run}`;
  const created = await webhooks.createWebhook({ newWebhook: { url: receiver.url(path) } });
  await webhooks.testWebhook({ id: created.webhook.id });
  const message = await waitFor(() => receiver.on(path)[0], 10_000);
  const verified = message && verifyWebhook(created.secret, message.body, message.headers);
  c.ok(n('webhook signature verified with standardwebhooks'),
    verified?.type === 'webhook.test' && verified.data.webhookId === created.webhook.id, message);
  c.ok(n('a tampered webhook body is refused'),
    message !== undefined && verifyWebhook(created.secret, message.body.replace('webhook.test', 'webhook.tost'), message.headers) === undefined);
  await webhooks.deleteWebhook({ id: created.webhook.id });
}

async function main(): Promise<number> {
  const baseUrl = env('BATON_URL');
  const adminKey = env('BATON_ADMIN_KEY', 'dev-admin-key');
  const operations = readOperations(env('OPENAPI'));
  const checks = new Checks(process.env.VERBOSE === '1');
  const coverage = new Coverage(operations);
  const exchanges = new Map<string, number>();
  const listener = (x: Exchange): void => {
    exchanges.set(x.client, (exchanges.get(x.client) ?? 0) + 1);
    const op = coverage.record(x.client, x.method, x.url);
    const where = `${x.client} ${x.method} ${op?.path ?? x.url} (${op?.operationId ?? '?'}) ${x.status}`;
    if (x.violations) checks.fail(`prism: violation on ${where}`, x.violations);
    if (x.prismError) checks.fail(`prism: refused ${where}`, x.prismError);
  };
  const receiver = new Receiver();
  await receiver.start();
  const run = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
  console.log(`Driving ${operations.length} operations through ${baseUrl} (run ${run})`);
  try {
    try {
      await guide(checks, baseUrl, adminKey, receiver, run);
    } catch (e) {
      checks.fail('guide threw', e);
    }
    for (const [short, make] of [['f', fetchBaton], ['a', axiosBaton]] as const) {
      const started = Date.now();
      const client = make(baseUrl, adminKey, listener).client;
      console.log(`-- ${client}`);
      await runScenario(checks, { make: (key) => make(baseUrl, key, listener), adminKey, receiver, tag: `${short}${run}` });
      const missing = coverage.missing(client);
      checks.ok(`${client}: every operation of openapi.yaml called (${operations.length - missing.length}/${operations.length})`,
        missing.length === 0, missing.map((op) => `${op.method} ${op.path} (${op.operationId})`));
      console.log(`   ${exchanges.get(client) ?? 0} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    checks.ok('every request was for a (method, path) of openapi.yaml', coverage.unmatched.length === 0, coverage.unmatched);
  } finally {
    await receiver.stop();
  }
  const failures = checks.summary();
  if (failures.length > 0) {
    console.log(`\nFailed checks (${failures.length}):`);
    failures.forEach((f) => console.log(`  - ${f}`));
  }
  console.log(`${checks.passed} passed, ${checks.failed} failed`);
  return checks.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('driver failed:', e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
