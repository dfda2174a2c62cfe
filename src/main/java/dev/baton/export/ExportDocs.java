package dev.baton.export;

/** The exports' descriptions in the contract: what a download holds, how to resume it. */
final class ExportDocs {

  private ExportDocs() {}

  private static final String COMMON =
      " The format is `format`'s, never `Accept`'s: `ndjson` (the default) answers"
          + " `application/x-ndjson`, `csv` answers `text/csv; charset=utf-8` (RFC 4180: a header"
          + " line, then one row per line, CRLF-terminated, a field quoted when it holds a comma, a"
          + " quote or a line break; an absent value is an empty field). The answer is streamed"
          + " from one consistent, read-only snapshot of the database, as fast as the client"
          + " reads it, however many rows match. A download cut off ends without its final"
          + " chunk, which HTTP clients report as an incomplete transfer: send the same request"
          + " again with `after` set to the `id` of the last complete line received, and the"
          + " answer is exactly the rows that follow it (read from a new snapshot). An invalid"
          + " filter, an unknown `format`, or an `after` that names nothing is 400"
          + " `validation-error` naming the parameter. Each download is one request against the"
          + " key's rate limit.";

  static final String LEADS =
      "Any role. Every lead matching every filter given — `status`, `source`, `campaign`,"
          + " `segment` (exact), `slaState`, `updatedSince` (changed at or after), `createdFrom`"
          + " and `createdTo` (handed off in [from, to)) — oldest first (by handoff time, then"
          + " id), the order of `listLeads`. In NDJSON each line is the `Lead` that `getLead`"
          + " answers; in CSV the columns are `id`, `status`, `email`, `firstName`, `lastName`,"
          + " `phone`, `jobTitle`, `companyName`, `companyDomain`, `companyIndustry`,"
          + " `companySize`, `companyCountry`, `source`, `campaign`, `medium`, `content`, `term`,"
          + " `utmSource`, `utmMedium`, `utmCampaign`, `utmTerm`, `utmContent`, `segment`,"
          + " `score`, `owner`, `generatedAt`, `qualifiedAt`, `acceptedAt`, `rejectedAt`,"
          + " `convertedAt`, `rejectionReason`, `amount`, `currency`, `recycleCount`, `erasedAt`,"
          + " `createdAt`, `updatedAt` and `externalRefs` (`system:id` pairs separated by `;`)."
          + " A lead whose personal data was erased is exported as its skeleton, as `getLead`"
          + " shows it: no contact, `erasedAt` set. `after` is a lead's `id`. With"
          + " `shape=history` (NDJSON only) each line is instead a row of `createImport`: the"
          + " lead's details as they are now, `handedOffAt`, the `status` it was handed off in,"
          + " and its `moves` and `feedback` at their times, read from its events (disputes,"
          + " assignments and updates are not part of an import row); importing such a file into"
          + " another Baton plays the same funnel again. An erased lead's row keeps its"
          + " `erasedAt` and has no contact: an import refuses it."
          + COMMON;

  static final String EVENTS =
      "Any role. Every event matching every filter given — `types`, `leadId`, `from` and `to`"
          + " (occurred in [from, to)) — in the order of the change feed (`readChangeFeed`): by"
          + " the transaction that wrote it, and only events of transactions older than every one"
          + " still running, so that a resumed download never misses an event committed late."
          + " In NDJSON each line is the `Event` of the feed and of `getLeadHistory`; in CSV the"
          + " columns are `id`, `type`, `leadId`, `leadVersion`, `occurredAt`, `actorName`,"
          + " `actorRole` (empty for Baton itself), `fromStatus`, `toStatus` and `data` (the"
          + " event's data as a JSON object). Events of an erased lead carry no personal data;"
          + " events older than `BATON_EVENT_RETENTION` are purged. `after` is an event's `id`."
          + COMMON;
}
