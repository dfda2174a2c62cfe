// The integrator's guide, as code that runs: each `snippet:NAME` region is meant to be quoted as it
// stands. They use the generated typescript-fetch client (and typescript-axios for the client
// set-up), unmodified; the driver checks what each returns.

import axios from 'axios';
import { randomUUID } from 'crypto';
import { IncomingHttpHeaders } from 'http';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import * as Ax from '../gen/axios';
import {
  ChangeFeedApi,
  Configuration,
  Event,
  EventType,
  LeadMovesApi,
  Lead,
  LeadsApi,
  NewLead,
  Problem,
  ProblemFromJSON,
  ResponseError,
  WebhookMessage,
  WebhookMessageFromJSON,
} from '../gen/fetch';

// snippet:create-client
// import { Configuration, LeadsApi, LeadMovesApi, ChangeFeedApi } from './baton-client'; // typescript-fetch
export function batonClients(baseUrl: string, apiKey: string) {
  const config = new Configuration({
    basePath: baseUrl, // e.g. https://baton.example.com: the contract names no server, always set it
    accessToken: apiKey, // sent as "Authorization: Bearer <apiKey>"
  });
  return { leads: new LeadsApi(config), moves: new LeadMovesApi(config), feed: new ChangeFeedApi(config) };
}
// end-snippet

// snippet:create-axios-client
// The same with typescript-axios (its operations answer the AxiosResponse: status, headers, data).
export function batonAxiosLeads(baseUrl: string, apiKey: string): Ax.LeadsApi {
  const config = new Ax.Configuration({ basePath: baseUrl, accessToken: apiKey });
  return new Ax.LeadsApi(config, undefined, axios.create({ timeout: 10_000 }));
}
// end-snippet

// snippet:hand-off-with-idempotency-key
export async function handOff(leads: LeadsApi, lead: NewLead): Promise<{ first: Lead; retried: Lead }> {
  const idempotencyKey = randomUUID(); // keep it with the lead until Baton has answered
  const first = await leads.handOffLead({ newLead: lead, idempotencyKey });
  // A retry with the same key and body (after a timeout, say) creates nothing: it replays the answer.
  const retried = await leads.handOffLead({ newLead: lead, idempotencyKey });
  return { first, retried }; // first.id === retried.id
}
// end-snippet

// snippet:search-by-email
export async function leadsOf(leads: LeadsApi, email: string): Promise<Lead[]> {
  // The email travels in the body: in a URL, access logs and browser histories would keep it.
  const page = await leads.searchLeads({ leadSearch: { email } });
  return page.data; // oldest first; page with limit and nextCursor as listLeads does
}
// end-snippet

// snippet:read-headers
export async function handOffAndReadHeaders(leads: LeadsApi, lead: NewLead) {
  const response = await leads.handOffLeadRaw({ newLead: lead }); // ...Raw: the Response too
  const created: Lead = await response.value();
  const location = response.raw.headers.get('Location'); // .../api/v1/leads/{id}
  const etag = response.raw.headers.get('ETag'); // the version, for If-Match
  if (etag === null) throw new Error('no ETag'); // never send '*' by default: it overwrites blindly
  const rateLimit = response.raw.headers.get('RateLimit'); // "default";r=<left>;t=<seconds to reset>
  // Edit with If-Match: a lead changed in between answers 412 instead of being overwritten.
  const patched = await leads.patchLead({ id: created.id, ifMatch: etag, leadPatch: { segment: 'mid-market' } });
  return { created, location, etag, rateLimit, patched };
}
// end-snippet

// snippet:read-problem
export async function handOffOrFindExisting(leads: LeadsApi, lead: NewLead): Promise<{ lead?: Lead; problem?: Problem }> {
  try {
    return { lead: await leads.handOffLead({ newLead: lead }) };
  } catch (e) {
    if (!(e instanceof ResponseError)) throw e; // network error, timeout…
    const problem: Problem = ProblemFromJSON(await e.response.json());
    if (problem.type === 'urn:baton:problem:duplicate-lead' && problem.existingLeadId) {
      return { lead: await leads.getLead({ id: problem.existingLeadId }), problem }; // the person's open lead
    }
    return { problem }; // e.g. transition-not-allowed: problem.currentStatus, problem.allowedActions
  }
}
// end-snippet

// snippet:poll-the-feed
export async function pollFeed(feed: ChangeFeedApi, cursor: string | undefined, handle: (event: Event) => void): Promise<string> {
  for (;;) {
    // Only the types this client knows: a newer Baton may add some, which it could not read.
    const page = await feed.readChangeFeed({ after: cursor, types: Object.values(EventType), limit: 200 });
    page.data.forEach(handle); // in commit order; each event once
    cursor = page.nextCursor; // always present: store it with what you did with the events
    if (page.data.length === 0) return cursor; // caught up: poll again later from this cursor
  }
}
// end-snippet

// snippet:verify-webhook
// import { Webhook, WebhookVerificationError } from 'standardwebhooks';
// import { WebhookMessage, WebhookMessageFromJSON } from './baton-client';
export function verifyWebhook(secret: string, rawBody: string, headers: IncomingHttpHeaders): WebhookMessage | undefined {
  const webhook = new Webhook(secret); // the whsec_… secret createWebhook showed once
  try {
    const payload = webhook.verify(rawBody, {
      'webhook-id': String(headers['webhook-id']), // de-duplicate on it: the same at every attempt
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    });
    return WebhookMessageFromJSON(payload); // typed by `type`: message.type === 'lead.accepted' gives data.owner…
  } catch (e) {
    if (e instanceof WebhookVerificationError) return undefined; // not from Baton: answer 400
    throw e;
  }
}
// end-snippet
