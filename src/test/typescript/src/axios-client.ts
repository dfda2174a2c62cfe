// The scenario's operations, called through the generated typescript-axios client, unmodified.

import axios, { AxiosInstance, AxiosResponse } from 'axios';
import * as A from '../gen/axios';
import { Baton, ExchangeListener, PRISM_PROBLEM_PREFIX, ProblemError, Res } from './api';

function headerOf(response: AxiosResponse): (name: string) => string | undefined {
  return (name) => {
    const value: unknown = response.headers[name.toLowerCase()];
    return value === undefined || value === null ? undefined : String(value);
  };
}

/** An axios instance that reports every answer as the transport saw it. */
function observedAxios(client: string, listener: ExchangeListener): AxiosInstance {
  const instance = axios.create();
  const report = (response: AxiosResponse): void => {
    const data: unknown = response.data;
    const prismError = typeof data === 'object' && data !== null && 'type' in data && typeof data.type === 'string'
      && data.type.startsWith(PRISM_PROBLEM_PREFIX) ? JSON.stringify(data) : undefined;
    const base = response.config.baseURL ?? '';
    listener({
      client,
      method: (response.config.method ?? 'get').toUpperCase(),
      url: (response.config.url ?? '').startsWith('http') ? response.config.url ?? '' : base + (response.config.url ?? ''),
      status: response.status,
      violations: headerOf(response)('sl-violations'),
      prismError,
    });
  };
  instance.interceptors.response.use(
    (response) => {
      report(response);
      return response;
    },
    (error: unknown) => {
      if (axios.isAxiosError(error) && error.response) report(error.response);
      return Promise.reject(error);
    },
  );
  return instance;
}

async function call<T>(answer: Promise<AxiosResponse<T>>): Promise<Res<T>> {
  try {
    const response = await answer;
    return { status: response.status, header: headerOf(response), body: response.data };
  } catch (e) {
    if (axios.isAxiosError<A.Problem>(e) && e.response) {
      const problem: A.Problem = e.response.data;
      throw new ProblemError(e.response.status, problem, headerOf(e.response));
    }
    throw e;
  }
}

/**
 * A file answer as text. The generated type is File, but axios in Node reads any answer as a string
 * and, unless asked for text, parses one that happens to be JSON (a one-line NDJSON file); asked
 * for text, it leaves a problem as text too, which is read here as JSON.
 */
async function text(answer: Promise<AxiosResponse<unknown>>): Promise<Res<string>> {
  const results = await call(answer.catch((e: unknown) => {
    if (axios.isAxiosError(e) && e.response && typeof e.response.data === 'string') {
      e.response.data = JSON.parse(e.response.data);
    }
    throw e;
  }));
  return { ...results, body: String(results.body) };
}

export function axiosBaton(basePath: string, apiKey: string, listener: ExchangeListener): Baton {
  const client = 'typescript-axios';
  const config = new A.Configuration({ basePath, accessToken: apiKey });
  const http = observedAxios(client, listener);
  const keys = new A.APIKeysApi(config, undefined, http);
  const feed = new A.ChangeFeedApi(config, undefined, http);
  const disputes = new A.DisputesApi(config, undefined, http);
  const feedback = new A.FeedbackApi(config, undefined, http);
  const moves = new A.LeadMovesApi(config, undefined, http);
  const leads = new A.LeadsApi(config, undefined, http);
  const reports = new A.ReportsApi(config, undefined, http);
  const personal = new A.PersonalDataApi(config, undefined, http);
  const reasons = new A.RejectionReasonsApi(config, undefined, http);
  const policy = new A.SLAPolicyApi(config, undefined, http);
  const webhooks = new A.WebhooksApi(config, undefined, http);
  const routing = new A.RoutingApi(config, undefined, http);
  const exports = new A.ExportsApi(config, undefined, http);
  // A download is not one JSON document: axios is told to keep it as text.
  const asText = { responseType: 'text' as const };
  const imports = new A.ImportsApi(config, undefined, http);
  return {
    client,
    createApiKey: (body, idempotencyKey) => call(keys.createApiKey(body, idempotencyKey)),
    getApiKey: (id) => call(keys.getApiKey(id)),
    listApiKeys: (cursor, limit) => call(keys.listApiKeys(cursor, limit)),
    revokeApiKey: (id) => call(keys.revokeApiKey(id)),

    readChangeFeed: (after, types, limit) => call(feed.readChangeFeed(after, types, limit)),
    exportLeads: ({ source, format, shape, after }) =>
      text(exports.exportLeads(after, undefined, undefined, undefined, format, undefined, shape, undefined, source, undefined, undefined, asText)),
    exportEvents: ({ leadId, types, format, after }) => text(exports.exportEvents(after, format, undefined, leadId, undefined, types, asText)),

    disputeRejection: (id, body, ifMatch, idempotencyKey) => call(disputes.disputeRejection(id, body, ifMatch, idempotencyKey)),
    resolveDispute: (id, body, ifMatch, idempotencyKey) => call(disputes.resolveDispute(id, body, ifMatch, idempotencyKey)),

    giveFeedback: (id, body, idempotencyKey) => call(feedback.giveFeedback(id, body, idempotencyKey)),
    listFeedback: (id) => call(feedback.listFeedback(id)),

    createImport: (body, duplicates, idempotencyKey) => call(imports.createImport(body, duplicates, idempotencyKey)),
    getImport: (id) => call(imports.getImport(id)),
    cancelImport: (id) => call(imports.cancelImport(id)),
    getImportResults: (id, format) => text(imports.getImportResults(id, format, asText)),

    qualifyLead: (id, body, ifMatch, idempotencyKey) => call(moves.qualifyLead(id, ifMatch, idempotencyKey, body)),
    acceptLead: (id, body, ifMatch, idempotencyKey) => call(moves.acceptLead(id, body, ifMatch, idempotencyKey)),
    rejectLead: (id, body, ifMatch, idempotencyKey) => call(moves.rejectLead(id, body, ifMatch, idempotencyKey)),
    convertLead: (id, body, ifMatch, idempotencyKey) => call(moves.convertLead(id, ifMatch, idempotencyKey, body)),
    recycleLead: (id, body, ifMatch, idempotencyKey) => call(moves.recycleLead(id, ifMatch, idempotencyKey, body)),

    handOffLead: (body, idempotencyKey) => call(leads.handOffLead(body, idempotencyKey)),
    handOffLeads: (body, idempotencyKey) => call(leads.handOffLeads(body, idempotencyKey)),
    upsertLeadByExternalId: (system, externalId, body) => call(leads.upsertLeadByExternalId(system, externalId, body)),
    listLeads: (f) =>
      call(leads.listLeads(f.campaign, f.segment, f.slaState, f.source, f.status, f.updatedSince, f.cursor, f.limit)),
    searchLeads: (search) => call(leads.searchLeads(search)),
    getLead: (id) => call(leads.getLead(id)),
    patchLead: (id, ifMatch, patch) => call(leads.patchLead(id, ifMatch, patch)),
    getLeadHistory: (id) => call(leads.getLeadHistory(id)),

    erasePersonalData: (id) => call(personal.erasePersonalData(id)),

    getFunnelMetrics: (from, to, groupBy, source) =>
      call(reports.getFunnelMetrics(undefined, from, groupBy, undefined, source, to)),
    getSlaReport: (from, to, segment) =>
      call(reports.getSlaReport(undefined, from, segment, undefined, to)),
    getSlaPeopleReport: (from, to, queue) => call(reports.getSlaPeopleReport(from, queue, to)),
    putMember: (memberId, body) => call(routing.putMember(memberId, body)),
    getMember: (memberId) => call(routing.getMember(memberId)),
    listMembers: () => call(routing.listMembers()),
    putQueue: (queueId, body) => call(routing.putQueue(queueId, body)),
    getQueue: (queueId) => call(routing.getQueue(queueId)),
    listQueues: () => call(routing.listQueues()),
    getRoutingPolicy: () => call(routing.getRoutingPolicy()),
    replaceRoutingPolicy: (body) => call(routing.replaceRoutingPolicy(body)),
    previewRouting: (body) => call(routing.previewRouting(body)),
    reassignLead: (id, body, ifMatch, idempotencyKey) => call(routing.reassignLead(id, body, ifMatch, idempotencyKey)),

    getSlaPolicy: () => call(policy.getSlaPolicy()),
    replaceSlaPolicy: (body) => call(policy.replaceSlaPolicy(body)),

    listRejectionReasons: (active) => call(reasons.listRejectionReasons(active)),
    getRejectionReason: (code) => call(reasons.getRejectionReason(code)),
    createRejectionReason: (body, idempotencyKey) => call(reasons.createRejectionReason(body, idempotencyKey)),
    deactivateRejectionReason: (code, idempotencyKey) => call(reasons.deactivateRejectionReason(code, idempotencyKey)),
    activateRejectionReason: (code, idempotencyKey) => call(reasons.activateRejectionReason(code, idempotencyKey)),

    createWebhook: (body, idempotencyKey) => call(webhooks.createWebhook(body, idempotencyKey)),
    listWebhooks: (cursor, limit) => call(webhooks.listWebhooks(cursor, limit)),
    getWebhook: (id) => call(webhooks.getWebhook(id)),
    updateWebhook: (id, patch) => call(webhooks.updateWebhook(id, patch)),
    deleteWebhook: (id) => call(webhooks.deleteWebhook(id)),
    rotateWebhookSecret: (id, idempotencyKey) => call(webhooks.rotateWebhookSecret(id, idempotencyKey)),
    testWebhook: (id) => call(webhooks.testWebhook(id)),
    listWebhookDeliveries: (id, cursor, limit) => call(webhooks.listWebhookDeliveries(id, cursor, limit)),
    redeliverWebhook: (id, deliveryId, idempotencyKey) => call(webhooks.redeliverWebhook(id, deliveryId, idempotencyKey)),
  };
}
