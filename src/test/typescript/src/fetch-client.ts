// The scenario's operations, called through the generated typescript-fetch client, unmodified.

import * as F from '../gen/fetch';
import { Baton, ExchangeListener, LeadFilter, LeadSearch, PRISM_PROBLEM_PREFIX, ProblemError, Res } from './api';

/** A download, read as text: the generated client answers it as a Blob. */
async function text(answer: Promise<Res<Blob>>): Promise<Res<string>> {
  const res = await answer;
  return { ...res, body: await res.body.text() };
}

/** Reads every answer as the transport saw it: for coverage and for Prism's verdicts. */
function observer(client: string, listener: ExchangeListener): F.Middleware {
  return {
    async post(context: F.ResponseContext): Promise<Response | void> {
      const { response } = context;
      let prismError: string | undefined;
      if ((response.headers.get('content-type') ?? '').includes('problem+json')) {
        const body: unknown = await response.clone().json().catch(() => undefined);
        if (typeof body === 'object' && body !== null && 'type' in body && typeof body.type === 'string'
          && body.type.startsWith(PRISM_PROBLEM_PREFIX)) {
          prismError = JSON.stringify(body);
        }
      }
      listener({
        client,
        method: (context.init.method ?? 'GET').toUpperCase(),
        url: context.url,
        status: response.status,
        violations: response.headers.get('sl-violations') ?? undefined,
        prismError,
      });
    },
  };
}

async function call<T>(answer: Promise<F.ApiResponse<T>>): Promise<Res<T>> {
  try {
    const response = await answer;
    const body = await response.value();
    return { status: response.raw.status, header: (name) => response.raw.headers.get(name) ?? undefined, body };
  } catch (e) {
    if (e instanceof F.ResponseError) {
      const response = e.response;
      const problem: F.Problem = F.ProblemFromJSON(await response.json());
      throw new ProblemError(response.status, problem, (name) => response.headers.get(name) ?? undefined);
    }
    throw e;
  }
}

export function fetchBaton(basePath: string, apiKey: string, listener: ExchangeListener): Baton {
  const client = 'typescript-fetch';
  const config = new F.Configuration({ basePath, accessToken: apiKey, middleware: [observer(client, listener)] });
  const keys = new F.APIKeysApi(config);
  const feed = new F.ChangeFeedApi(config);
  const disputes = new F.DisputesApi(config);
  const feedback = new F.FeedbackApi(config);
  const moves = new F.LeadMovesApi(config);
  const leads = new F.LeadsApi(config);
  const reports = new F.ReportsApi(config);
  const personal = new F.PersonalDataApi(config);
  const reasons = new F.RejectionReasonsApi(config);
  const policy = new F.SLAPolicyApi(config);
  const webhooks = new F.WebhooksApi(config);
  const routing = new F.RoutingApi(config);
  const exports = new F.ExportsApi(config);
  const imports = new F.ImportsApi(config);
  return {
    client,
    createApiKey: (newApiKey, idempotencyKey) => call(keys.createApiKeyRaw({ newApiKey, idempotencyKey })),
    getApiKey: (id) => call(keys.getApiKeyRaw({ id })),
    listApiKeys: (cursor, limit) => call(keys.listApiKeysRaw({ cursor, limit })),
    revokeApiKey: (id) => call(keys.revokeApiKeyRaw({ id })),

    readChangeFeed: (after, types, limit) => call(feed.readChangeFeedRaw({ after, types, limit })),
    exportLeads: ({ source, format, shape, after }) => text(call(exports.exportLeadsRaw({ source, format, shape, after }))),
    exportEvents: ({ leadId, types, format, after }) => text(call(exports.exportEventsRaw({ leadId, types, format, after }))),

    disputeRejection: (id, openDispute, ifMatch, idempotencyKey) =>
      call(disputes.disputeRejectionRaw({ id, openDispute, ifMatch, idempotencyKey })),
    resolveDispute: (id, resolveDispute, ifMatch, idempotencyKey) =>
      call(disputes.resolveDisputeRaw({ id, resolveDispute, ifMatch, idempotencyKey })),

    giveFeedback: (id, newFeedback, idempotencyKey) => call(feedback.giveFeedbackRaw({ id, newFeedback, idempotencyKey })),
    listFeedback: (id) => call(feedback.listFeedbackRaw({ id })),

    createImport: (body, duplicates, idempotencyKey) => call(imports.createImportRaw({ body, duplicates, idempotencyKey })),
    getImport: (id) => call(imports.getImportRaw({ id })),
    cancelImport: (id) => call(imports.cancelImportRaw({ id })),
    getImportResults: async (id, format) => {
      const results = await call(imports.getImportResultsRaw({ id, format }));
      return { ...results, body: await results.body.text() };
    },

    qualifyLead: (id, qualifyLead, ifMatch, idempotencyKey) => call(moves.qualifyLeadRaw({ id, qualifyLead, ifMatch, idempotencyKey })),
    acceptLead: (id, acceptLead, ifMatch, idempotencyKey) => call(moves.acceptLeadRaw({ id, acceptLead, ifMatch, idempotencyKey })),
    rejectLead: (id, rejectLead, ifMatch, idempotencyKey) => call(moves.rejectLeadRaw({ id, rejectLead, ifMatch, idempotencyKey })),
    convertLead: (id, convertLead, ifMatch, idempotencyKey) => call(moves.convertLeadRaw({ id, convertLead, ifMatch, idempotencyKey })),
    recycleLead: (id, recycleLead, ifMatch, idempotencyKey) => call(moves.recycleLeadRaw({ id, recycleLead, ifMatch, idempotencyKey })),

    handOffLead: (newLead, idempotencyKey) => call(leads.handOffLeadRaw({ newLead, idempotencyKey })),
    handOffLeads: (leadBatch, idempotencyKey) => call(leads.handOffLeadsRaw({ leadBatch, idempotencyKey })),
    upsertLeadByExternalId: (system, externalId, newLead) => call(leads.upsertLeadByExternalIdRaw({ system, externalId, newLead })),
    listLeads: (filter: LeadFilter) =>
      call(leads.listLeadsRaw({ ...filter, updatedSince: filter.updatedSince === undefined ? undefined : new Date(filter.updatedSince) })),
    searchLeads: (search: LeadSearch) =>
      call(leads.searchLeadsRaw({ leadSearch: { ...search, updatedSince: search.updatedSince === undefined ? undefined : new Date(search.updatedSince) } })),
    getLead: (id) => call(leads.getLeadRaw({ id })),
    patchLead: (id, ifMatch, leadPatch) => call(leads.patchLeadRaw({ id, ifMatch, leadPatch })),
    getLeadHistory: (id) => call(leads.getLeadHistoryRaw({ id })),

    erasePersonalData: (id) => call(personal.erasePersonalDataRaw({ id })),

    getFunnelMetrics: (from, to, groupBy, source) =>
      call(reports.getFunnelMetricsRaw({ from, to, groupBy, source })),
    getSlaReport: (from, to, segment) => call(reports.getSlaReportRaw({ from, to, segment })),
    getSlaPeopleReport: (from, to, queue) => call(reports.getSlaPeopleReportRaw({ from, to, queue })),
    putMember: (memberId, memberInput) => call(routing.putMemberRaw({ memberId, memberInput })),
    getMember: (memberId) => call(routing.getMemberRaw({ memberId })),
    listMembers: () => call(routing.listMembersRaw()),
    putQueue: (queueId, queueInput) => call(routing.putQueueRaw({ queueId, queueInput })),
    getQueue: (queueId) => call(routing.getQueueRaw({ queueId })),
    listQueues: () => call(routing.listQueuesRaw()),
    getRoutingPolicy: () => call(routing.getRoutingPolicyRaw()),
    replaceRoutingPolicy: (routingPolicy) => call(routing.replaceRoutingPolicyRaw({ routingPolicy })),
    previewRouting: (routingSubject) => call(routing.previewRoutingRaw({ routingSubject })),
    reassignLead: (id, reassignLead, ifMatch, idempotencyKey) =>
      call(routing.reassignLeadRaw({ id, reassignLead, ifMatch, idempotencyKey })),

    getSlaPolicy: () => call(policy.getSlaPolicyRaw()),
    replaceSlaPolicy: (slaPolicy) => call(policy.replaceSlaPolicyRaw({ slaPolicy })),

    listRejectionReasons: (active) => call(reasons.listRejectionReasonsRaw({ active })),
    getRejectionReason: (code) => call(reasons.getRejectionReasonRaw({ code })),
    createRejectionReason: (newRejectionReason, idempotencyKey) =>
      call(reasons.createRejectionReasonRaw({ newRejectionReason, idempotencyKey })),
    deactivateRejectionReason: (code, idempotencyKey) => call(reasons.deactivateRejectionReasonRaw({ code, idempotencyKey })),
    activateRejectionReason: (code, idempotencyKey) => call(reasons.activateRejectionReasonRaw({ code, idempotencyKey })),

    createWebhook: (newWebhook, idempotencyKey) => call(webhooks.createWebhookRaw({ newWebhook, idempotencyKey })),
    listWebhooks: (cursor, limit) => call(webhooks.listWebhooksRaw({ cursor, limit })),
    getWebhook: (id) => call(webhooks.getWebhookRaw({ id })),
    updateWebhook: (id, webhookPatch) => call(webhooks.updateWebhookRaw({ id, webhookPatch })),
    deleteWebhook: (id) => call(webhooks.deleteWebhookRaw({ id })),
    rotateWebhookSecret: (id, idempotencyKey) => call(webhooks.rotateWebhookSecretRaw({ id, idempotencyKey })),
    testWebhook: (id) => call(webhooks.testWebhookRaw({ id })),
    listWebhookDeliveries: (id, cursor, limit) => call(webhooks.listWebhookDeliveriesRaw({ id, cursor, limit })),
    redeliverWebhook: (id, deliveryId, idempotencyKey) => call(webhooks.redeliverWebhookRaw({ id, deliveryId, idempotencyKey })),
  };
}
