// One scenario that drives every operation of the API, happy path and refusals, through either
// generated client (see api.ts). Every refusal here is a request the contract allows and the
// server's rules refuse (unknown id, role, state, stale version), so Prism sees no violation.
// Each step is checked on its own: a step that fails does not stop the next ones.

import { randomUUID } from 'crypto';
import { Webhook } from 'standardwebhooks';
import { WebhookMessage, WebhookMessageFromJSON } from '../gen/fetch';
import { Baton, Lead, NewLead, Problem, ProblemError, Res } from './api';
import { Checks, describe, waitFor } from './checks';
import { runImports } from './imports';
import { Received, Receiver } from './receiver';

export interface ScenarioEnv {
  /** A client of the kind under test, authenticated with this API key. */
  make(apiKey: string): Baton;
  adminKey: string;
  receiver: Receiver;
  /** Unique to this run and client: keeps emails, sources and codes apart. */
  tag: string;
}

const P = 'urn:baton:problem:';

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function time(value: Date | string | undefined): number {
  return value === undefined ? NaN : new Date(value).getTime();
}

function need<T>(value: T | undefined | null | '', what: string): T {
  if (value === undefined || value === null || value === '') throw new Error(`${what} is missing: an earlier step failed`);
  return value;
}

export async function runScenario(c: Checks, env: ScenarioEnv): Promise<void> {
  const admin = env.make(env.adminKey);
  const client = admin.client;
  const tag = env.tag;
  const n = (name: string): string => `${client}: ${name}`;
  const hookPath = `/hooks/${tag}`;
  const source = `ts-${tag}`;
  const segment = `seg-${tag}`;
  const email = (who: string): string => `${who}.${tag}@example.com`;
  const reasonCode = `TS_${tag.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`.slice(0, 50);
  const newLead = (who: string, extra: Partial<NewLead> = {}): NewLead => ({
    contact: { email: email(who), firstName: who, lastName: 'Lovelace', jobTitle: 'CTO' },
    company: { name: `${who} Corp`, domain: 'example.com', size: '51-200', country: 'FR' },
    attribution: { source, campaign: `camp-${tag}`, content: 'pricing-guide' },
    attributes: { tier: 'gold' },
    ...extra,
  });

  /** Runs one step; an unexpected exception fails it and the scenario goes on with the next. */
  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      c.fail(n(`${name} threw`), e instanceof ProblemError ? `${e.message} ${describe(e.problem)}` : e);
    }
  }

  /** Expects a refusal with this status and problem type; returns the problem, typed. */
  async function refused(name: string, action: () => Promise<unknown>, status: number, type: string): Promise<Problem | undefined> {
    try {
      const answer = await action();
      c.fail(n(name), `expected ${status} ${type}, got an answer: ${describe(answer)}`);
      return undefined;
    } catch (e) {
      if (!(e instanceof ProblemError)) {
        c.fail(n(name), e);
        return undefined;
      }
      const ok = e.status === status && e.problem.type === P + type && e.problem.status === status
        && typeof e.problem.title === 'string' && typeof e.problem.detail === 'string';
      c.ok(n(name), ok, ok ? undefined : `expected ${status} ${P + type}, got ${e.status} ${describe(e.problem)}`);
      return e.problem;
    }
  }

  function rateLimited(name: string, res: Res<unknown>): void {
    c.ok(n(`${name}: RateLimit and RateLimit-Policy headers`),
      /^"default";r=\d+;t=\d+$/.test(res.header('RateLimit') ?? '') && /^"default";q=\d+;w=\d+$/.test(res.header('RateLimit-Policy') ?? ''),
      `RateLimit=${res.header('RateLimit')} RateLimit-Policy=${res.header('RateLimit-Policy')}`);
  }

  // ---------------------------------------------------------------------------------------------
  // API keys: the roles the rest of the scenario acts in
  let marketing = admin;
  let sales = admin;
  let analyst = admin;
  let marketingKeyId = '';
  const keyIdem = randomUUID();
  await step('createApiKey', async () => {
    const created = await admin.createApiKey({ name: `marketing-${tag}`, role: 'MARKETING' }, keyIdem);
    const marketingKey = need(created.body.key, 'the new key');
    marketing = env.make(marketingKey);
    marketingKeyId = created.body.id;
    const salesKey = await admin.createApiKey({ name: `sales-${tag}`, role: 'SALES' });
    sales = env.make(need(salesKey.body.key, 'the new key'));
    const analystKey = await admin.createApiKey({ name: `analyst-${tag}`, role: 'ANALYST', rateLimit: 600 });
    analyst = env.make(need(analystKey.body.key, 'the new key'));
    c.eq(n('createApiKey: 201'), created.status, 201);
    c.ok(n('createApiKey: the key shown once, role MARKETING'), marketingKey.length > 20 && created.body.role === 'MARKETING', created.body);
    c.ok(n('createApiKey: Location names the key'), (created.header('Location') ?? '').endsWith(`/api/v1/api-keys/${created.body.id}`), created.header('Location'));
    c.eq(n('createApiKey: its own rateLimit'), analystKey.body.rateLimit, 600);

    const ids = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const list = await admin.listApiKeys(cursor, 50);
      list.body.data.forEach((key) => ids.add(key.id));
      cursor = list.body.nextCursor;
      if (!cursor) break;
    }
    c.ok(n('listApiKeys: the pages hold the new keys'), [created.body.id, salesKey.body.id, analystKey.body.id].every((id) => ids.has(id)));
  });
  await step('getApiKey', async () => {
    const got = await admin.getApiKey(need(marketingKeyId, 'the marketing key'));
    c.ok(n('getApiKey: name, role, prefix, never the key'),
      got.body.name === `marketing-${tag}` && got.body.role === 'MARKETING' && got.body.prefix.length > 0 && !('key' in got.body), got.body);
    await refused('getApiKey unknown id: 404', () => admin.getApiKey(randomUUID()), 404, 'not-found');
    await refused('listApiKeys as MARKETING: 403', () => marketing.listApiKeys(), 403, 'forbidden');
    await refused('createApiKey as SALES: 403', () => sales.createApiKey({ name: 'nope', role: 'ADMIN' }), 403, 'forbidden');
  });
  await step('revokeApiKey', async () => {
    const spare = await admin.createApiKey({ name: `spare-${tag}`, role: 'SALES' });
    const revoked = await admin.revokeApiKey(spare.body.id);
    c.ok(n('revokeApiKey: revokedAt set'), revoked.status === 200 && revoked.body.revokedAt !== undefined, revoked.body);
    await refused('a revoked key: 401', () => env.make(need(spare.body.key, 'the new key')).getSlaPolicy(), 401, 'unauthorized');
    await refused('revokeApiKey unknown id: 404', () => admin.revokeApiKey(randomUUID()), 404, 'not-found');
  });
  await step('createApiKey replayed', async () => {
    // A replayed creation omits the key, which is shown only once.
    const replay = await admin.createApiKey({ name: `marketing-${tag}`, role: 'MARKETING' }, keyIdem);
    c.ok(n('createApiKey replayed: same key id, Idempotent-Replayed, no key'),
      replay.body.id === marketingKeyId && replay.header('Idempotent-Replayed') === 'true' && !replay.body.key,
      { id: replay.body.id, replayed: replay.header('Idempotent-Replayed'), key: replay.body.key });
  });

  // ---------------------------------------------------------------------------------------------
  // Rejection reasons
  await step('listRejectionReasons, getRejectionReason', async () => {
    const active = await analyst.listRejectionReasons(true);
    const notIcp = active.body.data.find((r) => r.code === 'NOT_ICP');
    c.ok(n('listRejectionReasons active=true: NOT_ICP, marketing accountable'), notIcp?.active === true && notIcp.accountable === 'MARKETING', notIcp);
    const other = await sales.getRejectionReason('OTHER');
    c.ok(n('getRejectionReason OTHER: requires a note'), other.body.requiresNote === true && other.body.accountable === 'NONE', other.body);
    await refused('getRejectionReason unknown: 404', () => admin.getRejectionReason(`NO_SUCH_${reasonCode}`.slice(0, 50)), 404, 'not-found');
  });
  await step('createRejectionReason', async () => {
    const created = await admin.createRejectionReason({ code: reasonCode, label: `Test reason ${tag}`, accountable: 'SALES' }, randomUUID());
    c.ok(n('createRejectionReason: 201, active, no note required'),
      created.status === 201 && created.body.code === reasonCode && created.body.active && !created.body.requiresNote, created.body);
    c.ok(n('createRejectionReason: Location'), (created.header('Location') ?? '').endsWith(`/api/v1/rejection-reasons/${reasonCode}`), created.header('Location'));
    await refused('createRejectionReason again: 409 reason-exists',
      () => admin.createRejectionReason({ code: reasonCode, label: 'again', accountable: 'NONE' }), 409, 'reason-exists');
    await refused('createRejectionReason as MARKETING: 403',
      () => marketing.createRejectionReason({ code: `${reasonCode.slice(0, 45)}_M`, label: 'x', accountable: 'NONE' }), 403, 'forbidden');
  });
  await step('deactivateRejectionReason', async () => {
    await refused('deactivateRejectionReason as SALES: 403', () => sales.deactivateRejectionReason(reasonCode), 403, 'forbidden');
    const off = await admin.deactivateRejectionReason(reasonCode);
    c.eq(n('deactivateRejectionReason: inactive'), off.body.active, false);
    const inactive = await admin.listRejectionReasons(false);
    c.ok(n('listRejectionReasons active=false: lists it'), inactive.body.data.some((r) => r.code === reasonCode) && inactive.body.data.every((r) => !r.active));
  });
  await step('activateRejectionReason', async () => {
    const on = await admin.activateRejectionReason(reasonCode);
    c.eq(n('activateRejectionReason: active again'), on.body.active, true);
    await refused('activateRejectionReason unknown: 404', () => admin.activateRejectionReason(`NO_SUCH_${reasonCode}`.slice(0, 50)), 404, 'not-found');
  });

  // ---------------------------------------------------------------------------------------------
  // SLA policy: sales has 48 hours, 4 in this run's segment
  await step('getSlaPolicy', async () => {
    const before = await analyst.getSlaPolicy();
    c.ok(n('getSlaPolicy: acceptanceHours'), Number.isInteger(before.body.acceptanceHours), before.body);
    await refused('replaceSlaPolicy as SALES: 403', () => sales.replaceSlaPolicy({ acceptanceHours: 1 }), 403, 'forbidden');
  });
  await step('replaceSlaPolicy', async () => {
    const replaced = await admin.replaceSlaPolicy({
      acceptanceHours: 48,
      qualifiedLeadsPerMonth: 40,
      minAcceptanceRate: 0.6,
      segments: [{ segment, acceptanceHours: 4, qualifiedLeadsPerMonth: 3, minAcceptanceRate: 0.5 }],
    });
    c.ok(n('replaceSlaPolicy: the policy, decimals exact'),
      replaced.body.acceptanceHours === 48 && replaced.body.minAcceptanceRate === 0.6 && replaced.body.segments?.[0]?.acceptanceHours === 4
      && replaced.body.segments[0].minAcceptanceRate === 0.5 && replaced.body.updatedAt !== undefined, replaced.body);
    const after = await marketing.getSlaPolicy();
    c.ok(n('getSlaPolicy: the new policy'), after.body.acceptanceHours === 48 && after.body.segments?.[0]?.segment === segment, after.body);
  });

  // ---------------------------------------------------------------------------------------------
  // Routing: a queue of two, a rule, a preview, a lead assigned then reassigned; routing off again
  await step('routing', async () => {
    const ana = `ana-${tag}`.toLowerCase();
    const ben = `ben-${tag}`.toLowerCase();
    const queue = `team-${tag}`.toLowerCase();
    const created = await admin.putMember(ana, { name: 'Ana', email: email('ana'), timeZone: 'Europe/Paris', maxOpen: 10 });
    c.eq(n('putMember: 201'), created.status, 201);
    await admin.putMember(ben, { name: 'Ben', timeZone: 'UTC' });
    c.eq(n('getMember: the member'), (await analyst.getMember(ana)).body.name, 'Ana');
    c.ok(n('listMembers: both'), (await analyst.listMembers()).body.data.some((m) => m.id === ben));
    await refused('getMember unknown: 404', () => analyst.getMember(`nobody-${tag}`.toLowerCase()), 404, 'not-found');
    await refused('putMember as SALES: 403', () => sales.putMember(ana, { name: 'X', timeZone: 'UTC' }), 403, 'forbidden');
    const team = await admin.putQueue(queue, { name: 'Team', members: [{ memberId: ana, weight: 1 }, { memberId: ben, weight: 1 }] });
    c.eq(n('putQueue: 201'), team.status, 201);
    c.eq(n('getQueue: two members'), (await analyst.getQueue(queue)).body.members.length, 2);
    c.ok(n('listQueues: the queue'), (await analyst.listQueues()).body.data.some((q) => q.id === queue));
    await refused('putQueue with an unknown member: 400',
      () => admin.putQueue(queue, { name: 'Team', members: [{ memberId: `ghost-${tag}`.toLowerCase(), weight: 1 }] }), 400, 'validation-error');
    await refused('getQueue unknown: 404', () => analyst.getQueue(`none-${tag}`.toLowerCase()), 404, 'not-found');
    try {
      const policy = await admin.replaceRoutingPolicy({
        rules: [{ name: 'France', when: { companyCountries: ['FR'] }, queue, method: 'FIXED_MEMBER', member: ben }],
        fallbackQueue: queue,
      });
      c.eq(n('replaceRoutingPolicy: one rule'), policy.body.rules.length, 1);
      c.eq(n('getRoutingPolicy: the fallback queue'), (await analyst.getRoutingPolicy()).body.fallbackQueue, queue);
      const preview = await analyst.previewRouting({ companyCountry: 'FR' });
      c.eq(n('previewRouting: the fixed member'), preview.body.memberId, ben);
      await refused('previewRouting without a key: 401', () => env.make('bk_not-a-key').previewRouting({ score: 50 }), 401, 'unauthorized');
      const lead = await marketing.handOffLead(newLead('routed', { status: 'QUALIFIED', attribution: { source: `${source}-routing` } }));
      c.eq(n('handOffLead: assigned by the rule'), lead.body.assignee?.memberId, ben);
      const moved = await admin.reassignLead(lead.body.id, { memberId: ana, reason: 'Holiday' });
      c.eq(n('reassignLead: to Ana'), moved.body.assignee?.memberId, ana);
      await refused('reassignLead as SALES: 403', () => sales.reassignLead(lead.body.id, { queue, reason: 'x' }), 403, 'forbidden');
      const people = await analyst.getSlaPeopleReport(undefined, undefined, queue);
      c.ok(n('getSlaPeopleReport: the members'), people.body.members.some((m) => m.memberId === ana), people.body);
      await refused('getSlaPeopleReport from yesterday: 400', () => analyst.getSlaPeopleReport('yesterday'), 400, 'validation-error');
    } finally {
      await admin.replaceRoutingPolicy({ rules: [] });
    }
    await refused('replaceRoutingPolicy as SALES: 403', () => sales.replaceRoutingPolicy({ rules: [] }), 403, 'forbidden');
    await refused('listMembers without a key: 401', () => env.make('bk_not-a-key').listMembers(), 401, 'unauthorized');
    await refused('listQueues without a key: 401', () => env.make('bk_not-a-key').listQueues(), 401, 'unauthorized');
  });

  // ---------------------------------------------------------------------------------------------
  // A webhook subscription to a receiver of ours; a signed test ping
  let webhookId = '';
  let secret = '';
  const verified = (message: Received, key: string): WebhookMessage | undefined => {
    try {
      return WebhookMessageFromJSON(new Webhook(key).verify(message.body, message.headers));
    } catch (e) {
      return undefined;
    }
  };
  await step('createWebhook', async () => {
    await refused('createWebhook as ANALYST: 403', () => analyst.createWebhook({ url: env.receiver.url(hookPath) }), 403, 'forbidden');
    const created = await marketing.createWebhook({ url: env.receiver.url(hookPath) }, randomUUID());
    webhookId = created.body.webhook.id;
    secret = created.body.secret;
    c.ok(n('createWebhook (url only): 201, ACTIVE, every event type, whsec_ secret'),
      created.status === 201 && created.body.webhook.state === 'ACTIVE' && created.body.webhook.eventTypes == null && secret.startsWith('whsec_'),
      created.body);
  });
  await step('getWebhook, listWebhooks', async () => {
    const got = await marketing.getWebhook(need(webhookId, 'the webhook'));
    c.ok(n('getWebhook: url, never the secret'), got.body.url === env.receiver.url(hookPath) && !('secret' in got.body), got.body);
    const list = await marketing.listWebhooks(undefined, 200);
    c.ok(n('listWebhooks: lists it'), list.body.data.some((w) => w.id === webhookId));
    await refused('listWebhooks as ANALYST: 403', () => analyst.listWebhooks(), 403, 'forbidden');
    await refused('getWebhook unknown id: 404', () => marketing.getWebhook(randomUUID()), 404, 'not-found');
  });
  await step('updateWebhook', async () => {
    const paused = await marketing.updateWebhook(need(webhookId, 'the webhook'), { paused: true });
    c.eq(n('updateWebhook paused=true: PAUSED'), paused.body.state, 'PAUSED');
    const resumed = await marketing.updateWebhook(webhookId, { paused: false });
    c.eq(n('updateWebhook paused=false: ACTIVE'), resumed.body.state, 'ACTIVE');
    const filtered = await marketing.updateWebhook(webhookId, { eventTypes: ['lead.converted', 'lead.erased'] });
    c.eq(n('updateWebhook eventTypes: those types only'), filtered.body.eventTypes, ['lead.converted', 'lead.erased']);
    const every = await marketing.updateWebhook(webhookId, { eventTypes: [] });
    c.ok(n('updateWebhook eventTypes=[]: every type again'), every.body.eventTypes == null || every.body.eventTypes.length === 0, every.body);
    await refused('updateWebhook unknown id: 404', () => marketing.updateWebhook(randomUUID(), { paused: true }), 404, 'not-found');
  });
  await step('testWebhook', async () => {
    const ping = await marketing.testWebhook(need(webhookId, 'the webhook'));
    c.ok(n('testWebhook: success, 204 from the receiver'), ping.body.success && ping.body.statusCode === 204, ping.body);
    const received = await waitFor(() => env.receiver.on(hookPath).find((m) => m.body.includes('"webhook.test"')), 10_000);
    const message = received && verified(received, secret);
    c.ok(n('test ping: received, signature verified, a typed webhook.test message'),
      message?.type === 'webhook.test' && message.data.webhookId === webhookId, received);
    await refused('testWebhook unknown id: 404', () => marketing.testWebhook(randomUUID()), 404, 'not-found');
  });

  // ---------------------------------------------------------------------------------------------
  // The change feed's head, before this scenario's leads
  let cursor = '';
  await step('readChangeFeed to the head', async () => {
    for (let page = 0; page < 500; page++) {
      const read = await analyst.readChangeFeed(cursor || undefined, undefined, 200);
      cursor = read.body.nextCursor;
      if (read.body.data.length === 0) break;
    }
    c.ok(n('readChangeFeed: a nextCursor at the head'), cursor.length > 0);
    await refused('readChangeFeed with a cursor Baton never gave: 400', () => analyst.readChangeFeed('not-a-cursor'), 400, 'validation-error');
  });

  // ---------------------------------------------------------------------------------------------
  // Lead A: handoff, replay, read, patch, qualify, accept, feedback, convert, history
  let a: Lead | undefined;
  let etag = '';
  await step('handOffLead', async () => {
    const idem = randomUUID();
    const created = await marketing.handOffLead(newLead('ada'), idem);
    a = created.body;
    c.ok(n('handOffLead: 201 GENERATED'), created.status === 201 && a.status === 'GENERATED' && a.version === 1, a);
    c.ok(n('handOffLead: Location'), (created.header('Location') ?? '').endsWith(`/api/v1/leads/${a.id}`), created.header('Location'));
    c.eq(n('handOffLead: ETag'), created.header('ETag'), `"${a.version}"`);
    rateLimited('handOffLead', created);
    const replay = await marketing.handOffLead(newLead('ada'), idem);
    c.ok(n('handOffLead replayed: the same lead, Idempotent-Replayed'),
      replay.status === 201 && replay.body.id === a.id && replay.header('Idempotent-Replayed') === 'true', { status: replay.status, id: replay.body.id });
    await refused('handOffLead with the same Idempotency-Key and another body: 422',
      () => marketing.handOffLead(newLead('ada', { segment: 'smb' }), idem), 422, 'idempotency-key-reused');
    await refused('handOffLead as ANALYST: 403', () => analyst.handOffLead(newLead('nobody')), 403, 'forbidden');
    const dup = await refused('handOffLead of the same person: 409 duplicate-lead',
      () => marketing.handOffLead(newLead('ada', { contact: { email: `  ${email('ada').toUpperCase()} ` } })), 409, 'duplicate-lead');
    c.ok(n('duplicate-lead problem: existingLeadId and existingLeadLocation, typed'),
      dup?.existingLeadId === a.id && (dup.existingLeadLocation ?? '').endsWith(`/api/v1/leads/${a.id}`), dup);
  });
  await step('getLead, listLeads, searchLeads', async () => {
    const lead = need(a, 'lead A');
    const got = await analyst.getLead(lead.id);
    c.ok(n('getLead: contact, attribution, attributes'),
      got.body.contact?.email === email('ada') && got.body.attribution.source === source && got.body.attributes['tier'] === 'gold', got.body);
    etag = got.header('ETag') ?? '';
    c.eq(n('getLead: ETag'), etag, '"1"');
    rateLimited('getLead', got);
    const byEmail = await analyst.searchLeads({ email: email('ada').toUpperCase() });
    c.ok(n('searchLeads email (any case), in the body: the lead'), byEmail.status === 200 && byEmail.body.data.length === 1 && byEmail.body.data[0]?.id === lead.id, byEmail.body);
    rateLimited('searchLeads', byEmail);
    const bySource = await analyst.listLeads({ source, status: 'GENERATED', limit: 200 });
    c.ok(n('listLeads source+status: the lead'), bySource.body.data.some((l) => l.id === lead.id));
    await refused('searchLeads with a forged cursor: 400', () => analyst.searchLeads({ cursor: 'not-a-cursor' }), 400, 'validation-error');
    await refused('getLead unknown id: 404', () => analyst.getLead(randomUUID()), 404, 'not-found');
  });
  await step('patchLead', async () => {
    const lead = need(a, 'lead A');
    const patched = await marketing.patchLead(lead.id, need(etag, 'the ETag'), {
      contact: { firstName: 'Augusta', jobTitle: null },
      company: { size: null },
      attributes: { plan: 'pro' },
    });
    const p = patched.body;
    c.ok(n('patchLead (merge patch): members set, removed and merged'),
      p.contact?.firstName === 'Augusta' && p.contact.jobTitle === undefined && p.contact.lastName === 'Lovelace'
      && p.company?.size === undefined && p.company?.name === 'ada Corp'
      && p.attributes['tier'] === 'gold' && p.attributes['plan'] === 'pro' && p.version === 2, p);
    c.eq(n('patchLead: the new ETag'), patched.header('ETag'), '"2"');
    const stale = await refused('patchLead with a stale If-Match: 412', () => marketing.patchLead(lead.id, etag, { segment: 'smb' }), 412, 'precondition-failed');
    c.eq(n('precondition-failed problem: currentVersion, typed'), stale?.currentVersion, 2);
    etag = patched.header('ETag') ?? '';
    await refused('patchLead as ANALYST: 403', () => analyst.patchLead(lead.id, etag, { segment: 'smb' }), 403, 'forbidden');
    await refused('patchLead unknown id: 404', () => marketing.patchLead(randomUUID(), '"1"', { segment: 'smb' }), 404, 'not-found');
  });
  await step('qualifyLead', async () => {
    const lead = need(a, 'lead A');
    const notYet = await refused('convertLead from GENERATED: 409 transition-not-allowed', () => sales.convertLead(lead.id, {}), 409, 'transition-not-allowed');
    c.ok(n('transition-not-allowed problem: currentStatus and allowedActions, typed'),
      notYet?.currentStatus === 'GENERATED' && JSON.stringify([...(notYet.allowedActions ?? [])].sort()) === '["QUALIFY","REJECT"]', notYet);
    await refused('qualifyLead as SALES: 403', () => sales.qualifyLead(lead.id, { score: 10 }), 403, 'forbidden');
    const qualified = await marketing.qualifyLead(lead.id, { score: 80, note: 'Asked for a demo' }, etag, randomUUID());
    c.ok(n('qualifyLead with If-Match: QUALIFIED, score, SLA clock PENDING for 48 h'),
      qualified.body.status === 'QUALIFIED' && qualified.body.score === 80 && qualified.body.sla?.state === 'PENDING'
      && time(qualified.body.sla.deadline) - time(qualified.body.sla.startedAt) === 48 * 3_600_000, qualified.body);
    await refused('acceptLead with a stale If-Match: 412', () => sales.acceptLead(lead.id, { owner: 'x' }, etag), 412, 'precondition-failed');
    etag = qualified.header('ETag') ?? '';
    await refused('qualifyLead unknown lead: 404', () => marketing.qualifyLead(randomUUID()), 404, 'not-found');
  });
  await step('acceptLead', async () => {
    const lead = need(a, 'lead A');
    await refused('acceptLead as MARKETING: 403', () => marketing.acceptLead(lead.id, { owner: 'x' }), 403, 'forbidden');
    const accepted = await sales.acceptLead(lead.id, { owner: `owner-${tag}` }, etag, randomUUID());
    c.ok(n('acceptLead: ACCEPTED with its owner, SLA MET'),
      accepted.body.status === 'ACCEPTED' && accepted.body.owner === `owner-${tag}` && accepted.body.sla?.state === 'MET', accepted.body);
    const byOwner = await analyst.searchLeads({ owner: `owner-${tag}`, status: 'ACCEPTED' });
    c.ok(n('searchLeads owner+status: the lead'), byOwner.body.data.length === 1 && byOwner.body.data[0]?.id === lead.id);
  });
  await step('giveFeedback, listFeedback', async () => {
    const lead = need(a, 'lead A');
    const fb = await sales.giveFeedback(lead.id, { rating: 4, kind: 'OBJECTION', text: 'Price too high for the first year' }, randomUUID());
    c.ok(n('giveFeedback: 201, rating, kind, author'),
      fb.status === 201 && fb.body.rating === 4 && fb.body.kind === 'OBJECTION' && fb.body.author.role === 'SALES', fb.body);
    await refused('giveFeedback as MARKETING: 403', () => marketing.giveFeedback(lead.id, { rating: 1 }), 403, 'forbidden');
    await refused('giveFeedback unknown lead: 404', () => sales.giveFeedback(randomUUID(), { rating: 1 }), 404, 'not-found');
    const feedback = await analyst.listFeedback(lead.id);
    c.ok(n('listFeedback: the feedback'), feedback.body.data.length === 1 && feedback.body.data[0]?.id === fb.body.id, feedback.body);
    await refused('listFeedback unknown lead: 404', () => analyst.listFeedback(randomUUID()), 404, 'not-found');
  });
  await step('convertLead', async () => {
    const lead = need(a, 'lead A');
    const converted = await sales.convertLead(lead.id, { opportunityRef: `opp-${tag}`, amount: 19.99, currency: 'EUR' }, undefined, randomUUID());
    c.ok(n('convertLead: CONVERTED with the deal, amount exact'),
      converted.body.status === 'CONVERTED' && converted.body.conversion?.amount === 19.99 && converted.body.conversion.currency === 'EUR', converted.body);
  });
  await step('getLeadHistory', async () => {
    const lead = need(a, 'lead A');
    const history = await analyst.getLeadHistory(lead.id);
    c.eq(n('getLeadHistory: every event, oldest first, with the version after it'), history.body.data.map((e) => `${e.leadVersion}:${e.type}`),
      ['1:lead.created', '2:lead.updated', '3:lead.qualified', '4:lead.accepted', '4:lead.feedback_added', '5:lead.converted']);
    c.ok(n('getLeadHistory: lead and actor of each event'), history.body.data.every((e) => e.leadId === lead.id && e.actor.name.length > 0), history.body);
    const accepted = history.body.data.find((e) => e.type === 'lead.accepted');
    c.ok(n('lead.accepted event, typed: statuses and owner'),
      accepted?.type === 'lead.accepted' && accepted.fromStatus === 'QUALIFIED' && accepted.toStatus === 'ACCEPTED' && accepted.data.owner === `owner-${tag}`, accepted);
    const converted = history.body.data.find((e) => e.type === 'lead.converted');
    c.ok(n('lead.converted event, typed: the deal'),
      converted?.type === 'lead.converted' && converted.data.amount === 19.99 && converted.data.currency === 'EUR', converted);
    await refused('getLeadHistory unknown lead: 404', () => analyst.getLeadHistory(randomUUID()), 404, 'not-found');
  });

  // ---------------------------------------------------------------------------------------------
  // Lead B: handed off QUALIFIED in the run's segment, rejected, disputed, overturned, rejected, recycled
  let b: Lead | undefined;
  let etagB = '';
  await step('rejectLead', async () => {
    const created = await marketing.handOffLead(newLead('bob', { status: 'QUALIFIED', segment, score: 55 }));
    b = created.body;
    c.ok(n('handOffLead QUALIFIED in a segment: the segment\'s 4 h acceptance SLA'),
      b.status === 'QUALIFIED' && b.sla?.state === 'PENDING' && time(b.sla.deadline) - time(b.sla.startedAt) === 4 * 3_600_000, b);
    await refused('rejectLead OTHER without a note: 400', () => sales.rejectLead(b?.id ?? '', { reason: 'OTHER' }), 400, 'validation-error');
    const rejected = await sales.rejectLead(b.id, { reason: 'NOT_ICP', note: 'Too small' }, created.header('ETag'), randomUUID());
    c.ok(n('rejectLead: REJECTED, marketing accountable'),
      rejected.body.status === 'REJECTED' && rejected.body.rejection?.reason === 'NOT_ICP' && rejected.body.rejection.accountable === 'MARKETING', rejected.body);
    etagB = rejected.header('ETag') ?? '';
  });
  await step('disputeRejection', async () => {
    const lead = need(b, 'lead B');
    await refused('resolveDispute without one: 409 no-open-dispute', () => sales.resolveDispute(lead.id, { outcome: 'UPHELD' }), 409, 'no-open-dispute');
    await refused('disputeRejection as SALES: 403', () => sales.disputeRejection(lead.id, { note: 'x' }), 403, 'forbidden');
    const disputed = await marketing.disputeRejection(lead.id, { note: 'They have 800 employees' }, etagB, randomUUID());
    c.ok(n('disputeRejection: dispute OPEN'), disputed.body.dispute?.state === 'OPEN' && disputed.body.dispute.reason === 'NOT_ICP', disputed.body);
    await refused('disputeRejection again: 409 dispute-open', () => marketing.disputeRejection(lead.id, { note: 'again' }), 409, 'dispute-open');
    await refused('recycleLead while disputed: 409 dispute-open', () => marketing.recycleLead(lead.id, {}), 409, 'dispute-open');
    await refused('resolveDispute with a stale If-Match: 412', () => sales.resolveDispute(lead.id, { outcome: 'OVERTURNED' }, etagB), 412, 'precondition-failed');
    etagB = disputed.header('ETag') ?? '';
  });
  await step('resolveDispute', async () => {
    const lead = need(b, 'lead B');
    await refused('resolveDispute as MARKETING: 403', () => marketing.resolveDispute(lead.id, { outcome: 'OVERTURNED' }), 403, 'forbidden');
    const overturned = await sales.resolveDispute(lead.id, { outcome: 'OVERTURNED', note: 'Fair enough' }, etagB, randomUUID());
    c.ok(n('resolveDispute OVERTURNED: QUALIFIED again, a fresh clock'),
      overturned.body.status === 'QUALIFIED' && overturned.body.dispute?.state === 'OVERTURNED' && overturned.body.sla?.state === 'PENDING', overturned.body);
    const again = await sales.rejectLead(lead.id, { reason: reasonCode });
    c.ok(n('rejectLead with the new reason: sales accountable'), again.body.rejection?.reason === reasonCode && again.body.rejection.accountable === 'SALES', again.body);
    etagB = again.header('ETag') ?? '';
  });
  await step('recycleLead', async () => {
    const lead = need(b, 'lead B');
    await refused('recycleLead as SALES: 403', () => sales.recycleLead(lead.id, {}), 403, 'forbidden');
    const recycled = await marketing.recycleLead(lead.id, { note: 'Back to nurture' }, etagB, randomUUID());
    c.ok(n('recycleLead: GENERATED, recycleCount 1'), recycled.body.status === 'GENERATED' && recycled.body.recycleCount === 1, recycled.body);
    await refused('disputeRejection of a lead not rejected: 409 not-rejected', () => marketing.disputeRejection(lead.id, { note: 'x' }), 409, 'not-rejected');
    await refused('recycleLead of a GENERATED lead: 409 transition-not-allowed', () => marketing.recycleLead(lead.id), 409, 'transition-not-allowed');
  });

  // ---------------------------------------------------------------------------------------------
  // A batch with a duplicate of lead B
  let leadC = '';
  let leadD = '';
  await step('handOffLeads', async () => {
    const batch = await marketing.handOffLeads({ leads: [newLead('cy'), newLead('dee', { status: 'QUALIFIED' }), newLead('bob')] }, randomUUID());
    const results = batch.body.results;
    c.ok(n('handOffLeads: 200, one outcome per lead, in order'), batch.status === 200 && results.map((r) => r.index).join() === '0,1,2', batch.body);
    c.ok(n('handOffLeads: the new leads are 201 with id and location'),
      [results[0], results[1]].every((r) => r?.status === 201 && typeof r.leadId === 'string' && (r.location ?? '').endsWith(`/api/v1/leads/${r.leadId}`)), results);
    leadC = results[0]?.leadId ?? '';
    leadD = results[1]?.leadId ?? '';
    const dup = results[2];
    c.ok(n('handOffLeads: the duplicate is 409 duplicate-lead naming lead B, typed'),
      dup?.status === 409 && dup.problem?.type === `${P}duplicate-lead` && dup.problem.existingLeadId === b?.id, dup);
    await refused('handOffLeads as SALES: 403', () => sales.handOffLeads({ leads: [newLead('sal')] }), 403, 'forbidden');
    const firstPage = await analyst.searchLeads({ source, limit: 1 });
    const nextPage = await analyst.searchLeads({ source, limit: 1, cursor: need(firstPage.body.nextCursor, 'the nextCursor') });
    c.ok(n('searchLeads pages with the nextCursor: oldest first, each lead once'),
      firstPage.body.data[0]?.id === a?.id && nextPage.body.data.length === 1 && nextPage.body.data[0]?.id !== a?.id,
      { first: firstPage.body.data.map((l) => l.id), next: nextPage.body.data.map((l) => l.id) });
  });

  // ---------------------------------------------------------------------------------------------
  // Upsert by external id
  let leadE = '';
  await step('upsertLeadByExternalId', async () => {
    const extId = `ext-${tag}`;
    const created = await marketing.upsertLeadByExternalId('hubspot', extId, newLead('eve'));
    leadE = created.body.id;
    c.ok(n('upsertLeadByExternalId new: 201, Location, ETag, externalRefs'),
      created.status === 201 && (created.header('Location') ?? '').endsWith(`/api/v1/leads/${leadE}`) && created.header('ETag') === '"1"'
      && created.body.externalRefs.some((r) => r.system === 'hubspot' && r.id === extId), created.body);
    const updated = await marketing.upsertLeadByExternalId('hubspot', extId, newLead('eve', { contact: { email: email('eve'), firstName: 'Evelyn' } }));
    c.ok(n('upsertLeadByExternalId again: 200, the same lead, updated, status kept'),
      updated.status === 200 && updated.body.id === leadE && updated.body.contact?.firstName === 'Evelyn' && updated.body.status === 'GENERATED', updated.body);
    const clash = await refused('handOffLead with an external id another lead has: 409 external-ref-exists',
      () => marketing.handOffLead(newLead('eva', { externalRefs: [{ system: 'hubspot', id: extId }] })), 409, 'external-ref-exists');
    c.eq(n('external-ref-exists problem: existingLeadId, typed'), clash?.existingLeadId, leadE);
    await refused('upsertLeadByExternalId as ANALYST: 403', () => analyst.upsertLeadByExternalId('hubspot', extId, newLead('eve')), 403, 'forbidden');
  });

  // ---------------------------------------------------------------------------------------------
  // Erasure of lead C's person
  await step('erasePersonalData', async () => {
    const erased = await admin.erasePersonalData(need(leadC, 'lead C'));
    c.ok(n('erasePersonalData: the person\'s leads, erasedAt'), erased.body.leadIds.includes(leadC) && erased.body.erasedAt !== undefined, erased.body);
    const skeleton = await analyst.getLead(leadC);
    c.ok(n('getLead after erasure: no contact, erasedAt, funnel facts kept'),
      skeleton.body.contact === undefined && skeleton.body.erasedAt !== undefined && skeleton.body.attribution.source === source, skeleton.body);
    const again = await admin.erasePersonalData(leadC);
    c.ok(n('erasePersonalData again: the same answer'),
      JSON.stringify(again.body.leadIds) === JSON.stringify(erased.body.leadIds) && time(again.body.erasedAt) === time(erased.body.erasedAt), again.body);
    await refused('patchLead of an erased lead: 409 lead-erased',
      () => marketing.patchLead(leadC, skeleton.header('ETag') ?? '*', { segment: 'smb' }), 409, 'lead-erased');
    await refused('erasePersonalData as MARKETING: 403', () => marketing.erasePersonalData(leadD), 403, 'forbidden');
    await refused('erasePersonalData unknown lead: 404', () => admin.erasePersonalData(randomUUID()), 404, 'not-found');
  });

  // ---------------------------------------------------------------------------------------------
  // The change feed from the head read before: this scenario's events, in order
  await step('readChangeFeed by cursor', async () => {
    const lead = need(a, 'lead A');
    const from = need(cursor, 'the feed cursor');
    const seen: { type: string; leadId: string; leadVersion: number }[] = [];
    let after = from;
    await waitFor(async () => {
      const page = await analyst.readChangeFeed(after, undefined, 200);
      seen.push(...page.body.data.map((e) => ({ type: e.type, leadId: e.leadId, leadVersion: e.leadVersion })));
      after = page.body.nextCursor;
      return seen.some((e) => e.leadId === leadC && e.type === 'lead.erased') ? true : undefined;
    }, 15_000, 250);
    c.eq(n('readChangeFeed polled by cursor: lead A\'s events in order'), seen.filter((e) => e.leadId === lead.id).map((e) => `${e.leadVersion}:${e.type}`),
      ['1:lead.created', '2:lead.updated', '3:lead.qualified', '4:lead.accepted', '4:lead.feedback_added', '5:lead.converted']);
    c.ok(n('readChangeFeed: every lead of the scenario, lead C erased'),
      [b?.id, leadC, leadD, leadE].every((id) => seen.some((e) => e.leadId === id)) && seen.some((e) => e.leadId === leadC && e.type === 'lead.erased'), seen.length);
    const some = await analyst.readChangeFeed(from, ['lead.converted', 'lead.recycled'], 200);
    c.ok(n('readChangeFeed types=lead.converted,lead.recycled: only those'),
      some.body.data.every((e) => e.type === 'lead.converted' || e.type === 'lead.recycled')
      && some.body.data.some((e) => e.leadId === lead.id && e.type === 'lead.converted') && some.body.data.some((e) => e.leadId === b?.id && e.type === 'lead.recycled'),
      some.body.data.map((e) => e.type));
    const first = await analyst.readChangeFeed(from, undefined, 3);
    const again = await analyst.readChangeFeed(from, undefined, 3);
    c.ok(n('readChangeFeed: a cursor read again gives the same events'),
      first.body.data.length === 3 && JSON.stringify(first.body.data.map((e) => e.id)) === JSON.stringify(again.body.data.map((e) => e.id)));
  });

  // ---------------------------------------------------------------------------------------------
  // The exports: this run's leads and lead A's events, as NDJSON and CSV, resumed after a line
  await step('exportLeads and exportEvents', async () => {
    const lead = need(a, 'lead A');
    const lines = (body: string): { id: string; type?: string; leadVersion?: number; contact?: unknown; erasedAt?: string }[] =>
      body.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { id: string });
    const all = await analyst.exportLeads({ source });
    const leads = lines(all.body);
    c.ok(n('exportLeads source=…: NDJSON, one lead per line, lead C as its skeleton'),
      (all.header('content-type') ?? '').startsWith('application/x-ndjson') && leads.some((l) => l.id === lead.id)
      && leads.some((l) => l.id === leadC && l.contact === undefined && l.erasedAt !== undefined), leads.map((l) => l.id));
    const rest = await analyst.exportLeads({ source, after: leads[0]?.id });
    c.eq(n('exportLeads after the first line: exactly the others'), lines(rest.body).map((l) => l.id), leads.slice(1).map((l) => l.id));
    const csv = await analyst.exportLeads({ source, format: 'csv' });
    c.ok(n('exportLeads format=csv: a header, then one row per lead'),
      (csv.header('content-type') ?? '').startsWith('text/csv') && csv.body.startsWith('id,status,email,')
      && csv.body.split('\r\n').filter((l) => l !== '').length >= leads.length + 1, csv.body.slice(0, 300));
    await refused('exportLeads after a lead that does not exist: 400', () => analyst.exportLeads({ source, after: randomUUID() }), 400, 'validation-error');
    const history = await analyst.exportLeads({ source, shape: 'history' });
    const rows = history.body.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { handedOffAt?: string; status?: string; moves?: { action: string }[] });
    c.ok(n('exportLeads shape=history: import rows, lead A handed off with its moves'),
      rows.length === leads.length && rows.every((r) => r.handedOffAt !== undefined && r.status !== undefined)
      && rows.some((r) => (r.moves ?? []).map((m) => m.action).join(',') === 'qualify,accept,convert'), history.body.slice(0, 600));
    await refused('exportLeads shape=history format=csv: 400', () => analyst.exportLeads({ source, shape: 'history', format: 'csv' }), 400, 'validation-error');
    const events = await analyst.exportEvents({ leadId: lead.id });
    c.eq(n('exportEvents leadId=A: lead A\'s events, in order'), lines(events.body).map((e) => `${e.leadVersion}:${e.type}`),
      ['1:lead.created', '2:lead.updated', '3:lead.qualified', '4:lead.accepted', '4:lead.feedback_added', '5:lead.converted']);
    const converted = await analyst.exportEvents({ leadId: lead.id, types: ['lead.converted'], format: 'csv' });
    c.ok(n('exportEvents types=lead.converted format=csv: a header and one row'),
      converted.body.startsWith('id,type,leadId,') && converted.body.split('\r\n').filter((l) => l !== '').length === 2, converted.body);
    await refused('exportEvents after an event that does not exist: 400', () => analyst.exportEvents({ after: randomUUID() }), 400, 'validation-error');
  });

  // ---------------------------------------------------------------------------------------------
  // Webhook deliveries of those events: signatures, delivery log, redelivery, secret rotation
  let deliveryId = '';
  await step('webhook messages', async () => {
    const lead = need(a, 'lead A');
    const acceptedMessage = await waitFor(() => env.receiver.on(hookPath).find((m) => m.body.includes('"lead.accepted"') && m.body.includes(lead.id)), 20_000);
    c.ok(n('webhook: lead A\'s lead.accepted delivered'), acceptedMessage !== undefined);
    const expected = ['lead.created', 'lead.updated', 'lead.qualified', 'lead.accepted', 'lead.feedback_added', 'lead.converted', 'lead.rejected',
      'lead.disputed', 'lead.dispute_resolved', 'lead.recycled', 'lead.erased', 'webhook.test'];
    const typesReceived = (): Set<string> => new Set(env.receiver.on(hookPath).map((m) => verified(m, secret)?.type ?? '?'));
    await waitFor(() => (expected.every((t) => typesReceived().has(t)) ? true : undefined), 30_000, 500);
    const messages = env.receiver.on(hookPath);
    const unverified = messages.filter((m) => verified(m, secret) === undefined);
    c.ok(n(`webhook: all ${messages.length} messages verified with standardwebhooks`), messages.length > 10 && unverified.length === 0, unverified.slice(0, 2));
    const message = acceptedMessage && verified(acceptedMessage, secret);
    c.ok(n('webhook message, typed: lead.accepted with leadId, version and owner'),
      message?.type === 'lead.accepted' && message.data.leadId === lead.id && message.data.leadVersion === 4 && message.data.owner === `owner-${tag}`
      && message.timestamp instanceof Date, message);
    const types = typesReceived();
    c.ok(n('webhook: every kind of event of the scenario delivered, each a typed message'), expected.every((t) => types.has(t)), [...types]);
    deliveryId = acceptedMessage?.headers['webhook-id'] ?? '';
  });
  await step('listWebhookDeliveries', async () => {
    const lead = need(a, 'lead A');
    const deliveries: { id: string; eventType: string; leadId?: string; status: string; attempts: number; attemptLog: { statusCode?: number }[] }[] = [];
    let next: string | undefined;
    for (let page = 0; page < 50; page++) {
      const list = await marketing.listWebhookDeliveries(need(webhookId, 'the webhook'), next, 100);
      deliveries.push(...list.body.data);
      next = list.body.nextCursor;
      if (!next) break;
    }
    const delivery = deliveries.find((d) => d.leadId === lead.id && d.eventType === 'lead.accepted');
    c.ok(n('listWebhookDeliveries: the delivery, SUCCEEDED, its attempt logged'),
      delivery?.status === 'SUCCEEDED' && delivery.attempts >= 1 && delivery.attemptLog[0]?.statusCode === 204, delivery);
    c.eq(n('listWebhookDeliveries: its id is the webhook-id header'), delivery?.id, deliveryId);
    await refused('listWebhookDeliveries unknown webhook: 404', () => marketing.listWebhookDeliveries(randomUUID()), 404, 'not-found');
  });
  await step('redeliverWebhook', async () => {
    const id = need(deliveryId, 'the delivery');
    const count = (): number => env.receiver.on(hookPath).filter((m) => m.headers['webhook-id'] === id).length;
    const before = count();
    const redelivered = await marketing.redeliverWebhook(webhookId, id, randomUUID());
    c.ok(n('redeliverWebhook: 202, the same delivery'), redelivered.status === 202 && redelivered.body.id === id, redelivered.body);
    const arrived = await waitFor(() => (count() > before ? true : undefined), 15_000);
    const last = env.receiver.on(hookPath).filter((m) => m.headers['webhook-id'] === id).pop();
    c.ok(n('redelivery: received again with the same webhook-id, verified'), arrived === true && last !== undefined && verified(last, secret) !== undefined);
    await refused('redeliverWebhook unknown delivery: 404', () => marketing.redeliverWebhook(webhookId, `msg_${tag}`), 404, 'not-found');
  });
  await step('rotateWebhookSecret', async () => {
    const rotated = await marketing.rotateWebhookSecret(need(webhookId, 'the webhook'), randomUUID());
    c.ok(n('rotateWebhookSecret: a new whsec_ secret'), rotated.body.secret.startsWith('whsec_') && rotated.body.secret !== secret, rotated.body.webhook);
    const pings = env.receiver.on(hookPath).length;
    await marketing.testWebhook(webhookId);
    const ping = await waitFor(() => env.receiver.on(hookPath).slice(pings).find((m) => m.body.includes('"webhook.test"')), 10_000);
    c.ok(n('after rotation: signed with the new secret and, during the overlap, the old one'),
      ping !== undefined && verified(ping, rotated.body.secret) !== undefined && verified(ping, secret) !== undefined, ping?.headers);
    await refused('rotateWebhookSecret as ANALYST: 403', () => analyst.rotateWebhookSecret(webhookId), 403, 'forbidden');
  });
  await step('deleteWebhook', async () => {
    const deleted = await marketing.deleteWebhook(need(webhookId, 'the webhook'));
    c.eq(n('deleteWebhook: 204'), deleted.status, 204);
    await refused('getWebhook after delete: 404', () => marketing.getWebhook(webhookId), 404, 'not-found');
    await refused('deleteWebhook again: 404', () => marketing.deleteWebhook(webhookId), 404, 'not-found');
  });

  // ---------------------------------------------------------------------------------------------
  // The last admin key cannot be revoked (tried only when there is exactly one: the bootstrap key)
  await step('revokeApiKey of the last admin key', async () => {
    const admins: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page++) {
      const list = await admin.listApiKeys(cursor, 200);
      admins.push(...list.body.data.filter((k) => k.role === 'ADMIN' && k.revokedAt === undefined).map((k) => k.id));
      cursor = list.body.nextCursor;
      if (!cursor) break;
    }
    if (admins.length !== 1) {
      console.log(`  (skipped: ${admins.length} active admin keys) revokeApiKey of the last admin key`);
      return;
    }
    await refused('revokeApiKey of the last admin key: 409 last-admin-key', () => admin.revokeApiKey(admins[0] ?? ''), 409, 'last-admin-key');
  });

  // ---------------------------------------------------------------------------------------------
  // Reports over yesterday and today (this run's source and segment are its own)
  await step('getFunnelMetrics', async () => {
    const funnel = await analyst.getFunnelMetrics(isoDay(-1), isoDay(1), 'source');
    const mine = funnel.body.groups.find((g) => g.key === source);
    c.ok(n('getFunnelMetrics groupBy=source: this run\'s source'), mine !== undefined && funnel.body.groupBy === 'source', funnel.body.groups.map((g) => g.key));
    if (mine) {
      c.eq(n('funnel: cycles handed off (A, B twice, C, D, E)'), mine.handedOff, 6);
      c.eq(n('funnel: cycles that reached each status'), mine.reached, { generated: 4, qualified: 3, accepted: 1, converted: 1, rejected: 1 });
      c.eq(n('funnel: converted amounts, exact'), mine.convertedAmounts, { EUR: 19.99 });
      c.ok(n('funnel: quality, disputes, recycles'),
        mine.quality.ratings === 1 && mine.quality.meanRating === 4 && mine.disputes.opened === 1 && mine.disputes.overturned === 1 && mine.recycles === 1, mine);
    }
    const weekly = await analyst.getFunnelMetrics(isoDay(-1), isoDay(1), 'week', source);
    c.ok(n('getFunnelMetrics groupBy=week for this run\'s source: the series adds up to its totals'),
      weekly.body.source === source && weekly.body.groups.length >= 1
        && weekly.body.groups.reduce((sum, g) => sum + g.handedOff, 0) === weekly.body.totals.handedOff
        && weekly.body.totals.handedOff === 6,
      weekly.body);
    await refused('getFunnelMetrics with a from that is no date: 400', () => analyst.getFunnelMetrics('yesterday', isoDay(1)), 400, 'validation-error');
  });
  await step('getSlaReport', async () => {
    const sla = await analyst.getSlaReport(isoDay(-1), isoDay(1), segment);
    c.ok(n('getSlaReport for the segment: its targets and figures'),
      sla.body.segment === segment && sla.body.marketing.qualifiedDelivered === 1 && sla.body.marketing.acceptanceRateTarget === 0.5
      && sla.body.marketing.qualifiedCommitment !== undefined && sla.body.sales.breaches === 0 && sla.body.sales.due === 1, sla.body);
    await refused('getSlaReport with to before from: 400', () => analyst.getSlaReport(isoDay(1), isoDay(0)), 400, 'validation-error');
  });

  // ---------------------------------------------------------------------------------------------
  // Imports of leads with their past (imports.ts)
  await runImports(c, env, admin, marketing);
}
