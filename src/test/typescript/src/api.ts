// The scenario drives both generated clients through this one interface. Each method is one
// operation of openapi.yaml, implemented by each client as an integrator would call it
// (fetch-client.ts, axios-client.ts). Inputs are typed as both clients' models at once, so that
// the scenario only builds bodies that both accept; answers are typed as either client's model.

import * as F from '../gen/fetch';
import * as A from '../gen/axios';

/** An answer of the API: its status, its headers and its typed body. */
export interface Res<T> {
  status: number;
  header(name: string): string | undefined;
  body: T;
}

export type Problem = F.Problem | A.Problem;

/** An error answer, with its body read as the generated Problem type of the client. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    private readonly headers: (name: string) => string | undefined,
  ) {
    super(`${status} ${problem.type}: ${problem.detail}`);
    this.name = 'ProblemError';
  }

  header(name: string): string | undefined {
    return this.headers(name);
  }
}

export type NewLead = F.NewLead & A.NewLead;
export type LeadPatch = F.LeadPatch & A.LeadPatch;
export type Lead = F.Lead | A.Lead;
export type LeadStatus = F.LeadStatus & A.LeadStatus;
export type SlaState = F.SlaState & A.SlaState;
export type FunnelGroupBy = F.FunnelGroupBy & A.FunnelGroupBy;
export type EventType = F.EventType & A.EventType;
export type ExportFormat = F.ExportFormat & A.ExportFormat;
export type ExportShape = F.ExportShape & A.ExportShape;
export type ImportJob = F.ImportJob | A.ImportJob;
export type ImportDuplicates = F.CreateImportDuplicatesEnum & A.CreateImportDuplicatesEnum;
export type ImportResultsFormat = F.GetImportResultsFormatEnum & A.GetImportResultsFormatEnum;

/** The filters of listLeads, in the query: none names a person. */
export interface LeadFilter {
  campaign?: string;
  segment?: string;
  slaState?: SlaState;
  source?: string;
  status?: LeadStatus;
  updatedSince?: string; // RFC 3339
  cursor?: string;
  limit?: number;
}

/** The filters of searchLeads, in the body: the list's, and the person's email and the owner. */
export interface LeadSearch extends LeadFilter {
  email?: string;
  owner?: string;
}

/** The filters of the lead export that the scenario uses; `after` resumes a download. */
export interface LeadExport {
  source?: string;
  format?: ExportFormat;
  shape?: ExportShape;
  after?: string;
}

/** The filters of the event export that the scenario uses. */
export interface EventExport {
  leadId?: string;
  types?: EventType[];
  format?: ExportFormat;
  after?: string;
}

export interface Baton {
  readonly client: string;

  // API keys
  createApiKey(body: F.NewApiKey & A.NewApiKey, idempotencyKey?: string): Promise<Res<F.CreatedApiKey | A.CreatedApiKey>>;
  getApiKey(id: string): Promise<Res<F.ApiKey | A.ApiKey>>;
  listApiKeys(cursor?: string, limit?: number): Promise<Res<F.ApiKeyPage | A.ApiKeyPage>>;
  revokeApiKey(id: string): Promise<Res<F.ApiKey | A.ApiKey>>;

  // Change feed
  readChangeFeed(after?: string, types?: EventType[], limit?: number): Promise<Res<F.EventPage | A.EventPage>>;

  // Disputes
  disputeRejection(id: string, body: F.OpenDispute & A.OpenDispute, ifMatch?: string, idempotencyKey?: string): Promise<Res<Lead>>;
  resolveDispute(id: string, body: F.ResolveDispute & A.ResolveDispute, ifMatch?: string, idempotencyKey?: string): Promise<Res<Lead>>;

  // Exports: the download as text (NDJSON lines, or CSV rows)
  exportLeads(filter: LeadExport): Promise<Res<string>>;
  exportEvents(filter: EventExport): Promise<Res<string>>;

  // Feedback
  giveFeedback(id: string, body: F.NewFeedback & A.NewFeedback, idempotencyKey?: string): Promise<Res<F.Feedback | A.Feedback>>;
  listFeedback(id: string): Promise<Res<F.FeedbackList | A.FeedbackList>>;

  // Imports: the file goes as text; its results come back as text, one line per row
  createImport(file: string, duplicates?: ImportDuplicates, idempotencyKey?: string): Promise<Res<ImportJob>>;
  getImport(id: string): Promise<Res<ImportJob>>;
  cancelImport(id: string): Promise<Res<ImportJob>>;
  getImportResults(id: string, format?: ImportResultsFormat): Promise<Res<string>>;

  // Lead moves
  qualifyLead(id: string, body?: F.QualifyLead & A.QualifyLead, ifMatch?: string, idempotencyKey?: string): Promise<Res<Lead>>;
  acceptLead(id: string, body: F.AcceptLead & A.AcceptLead, ifMatch?: string, idempotencyKey?: string): Promise<Res<Lead>>;
  rejectLead(id: string, body: F.RejectLead & A.RejectLead, ifMatch?: string, idempotencyKey?: string): Promise<Res<Lead>>;
  convertLead(id: string, body?: F.ConvertLead & A.ConvertLead, ifMatch?: string, idempotencyKey?: string): Promise<Res<Lead>>;
  recycleLead(id: string, body?: F.RecycleLead & A.RecycleLead, ifMatch?: string, idempotencyKey?: string): Promise<Res<Lead>>;

  // Leads
  handOffLead(body: NewLead, idempotencyKey?: string): Promise<Res<Lead>>;
  handOffLeads(body: F.LeadBatch & A.LeadBatch, idempotencyKey?: string): Promise<Res<F.LeadBatchResult | A.LeadBatchResult>>;
  upsertLeadByExternalId(system: string, externalId: string, body: NewLead): Promise<Res<Lead>>;
  listLeads(filter: LeadFilter): Promise<Res<F.LeadPage | A.LeadPage>>;
  searchLeads(search: LeadSearch): Promise<Res<F.LeadPage | A.LeadPage>>;
  getLead(id: string): Promise<Res<Lead>>;
  patchLead(id: string, ifMatch: string, patch: LeadPatch): Promise<Res<Lead>>;
  getLeadHistory(id: string): Promise<Res<F.History | A.History>>;

  // Personal data
  erasePersonalData(id: string): Promise<Res<F.Erasure | A.Erasure>>;

  // Reports
  getFunnelMetrics(from?: string, to?: string, groupBy?: FunnelGroupBy, source?: string): Promise<Res<F.FunnelReport | A.FunnelReport>>;
  getSlaReport(from?: string, to?: string, segment?: string): Promise<Res<F.SlaReport | A.SlaReport>>;
  getSlaPeopleReport(from?: string, to?: string, queue?: string): Promise<Res<F.SlaPeopleReport | A.SlaPeopleReport>>;

  // Routing
  putMember(memberId: string, body: F.MemberInput & A.MemberInput): Promise<Res<F.Member | A.Member>>;
  getMember(memberId: string): Promise<Res<F.Member | A.Member>>;
  listMembers(): Promise<Res<F.MemberList | A.MemberList>>;
  putQueue(queueId: string, body: F.QueueInput & A.QueueInput): Promise<Res<F.Queue | A.Queue>>;
  getQueue(queueId: string): Promise<Res<F.Queue | A.Queue>>;
  listQueues(): Promise<Res<F.QueueList | A.QueueList>>;
  getRoutingPolicy(): Promise<Res<F.RoutingPolicy | A.RoutingPolicy>>;
  replaceRoutingPolicy(body: F.RoutingPolicy & A.RoutingPolicy): Promise<Res<F.RoutingPolicy | A.RoutingPolicy>>;
  previewRouting(body: F.RoutingSubject & A.RoutingSubject): Promise<Res<F.RoutingPreview | A.RoutingPreview>>;
  reassignLead(id: string, body: F.ReassignLead & A.ReassignLead, ifMatch?: string, idempotencyKey?: string): Promise<Res<Lead>>;

  // SLA policy
  getSlaPolicy(): Promise<Res<F.SlaPolicy | A.SlaPolicy>>;
  replaceSlaPolicy(body: F.SlaPolicy & A.SlaPolicy): Promise<Res<F.SlaPolicy | A.SlaPolicy>>;

  // Rejection reasons
  listRejectionReasons(active?: boolean): Promise<Res<F.RejectionReasonList | A.RejectionReasonList>>;
  getRejectionReason(code: string): Promise<Res<F.RejectionReason | A.RejectionReason>>;
  createRejectionReason(body: F.NewRejectionReason & A.NewRejectionReason, idempotencyKey?: string): Promise<Res<F.RejectionReason | A.RejectionReason>>;
  deactivateRejectionReason(code: string, idempotencyKey?: string): Promise<Res<F.RejectionReason | A.RejectionReason>>;
  activateRejectionReason(code: string, idempotencyKey?: string): Promise<Res<F.RejectionReason | A.RejectionReason>>;

  // Webhooks
  createWebhook(body: F.NewWebhook & A.NewWebhook, idempotencyKey?: string): Promise<Res<F.WebhookWithSecret | A.WebhookWithSecret>>;
  listWebhooks(cursor?: string, limit?: number): Promise<Res<F.WebhookPage | A.WebhookPage>>;
  getWebhook(id: string): Promise<Res<F.Webhook | A.Webhook>>;
  updateWebhook(id: string, patch: F.WebhookPatch & A.WebhookPatch): Promise<Res<F.Webhook | A.Webhook>>;
  deleteWebhook(id: string): Promise<Res<void>>;
  rotateWebhookSecret(id: string, idempotencyKey?: string): Promise<Res<F.WebhookWithSecret | A.WebhookWithSecret>>;
  testWebhook(id: string): Promise<Res<F.WebhookTestResult | A.WebhookTestResult>>;
  listWebhookDeliveries(id: string, cursor?: string, limit?: number): Promise<Res<F.WebhookDeliveryPage | A.WebhookDeliveryPage>>;
  redeliverWebhook(id: string, deliveryId: string, idempotencyKey?: string): Promise<Res<F.WebhookDelivery | A.WebhookDelivery>>;
}

/** What the transport saw of one exchange: used for coverage and for Prism's verdicts. */
export interface Exchange {
  client: string;
  method: string;
  url: string;
  status: number;
  violations?: string; // Prism's sl-violations header
  prismError?: string; // a problem generated by Prism itself (request or response violation)
}

export type ExchangeListener = (exchange: Exchange) => void;

export const PRISM_PROBLEM_PREFIX = 'https://stoplight.io/prism/errors#';
