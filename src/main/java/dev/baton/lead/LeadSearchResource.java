package dev.baton.lead;

import dev.baton.paging.Cursor;
import dev.baton.sla.SlaState;
import dev.baton.web.ErrorResponses;
import dev.baton.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The lead list with its filters in the body, where personal data may go: a URL ends up in access
 * logs, ingress logs and browser histories, a body does not (DESIGN.md, "No personal data in
 * URLs"). A read: it changes nothing, so it takes no Idempotency-Key and may simply be sent again.
 */
@Path("/api/v1/leads/search")
@Tag(name = "Leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadSearchResource {

  /** Where the list refuses personal data, and what its refusal points to. */
  static final String PATH = "POST /api/v1/leads/search";

  @Schema(
      name = "LeadSearch",
      description =
          "The filters of a lead search, all optional and combined; the paging of the list")
  public record LeadSearch(
      @Schema(description = "Funnel status") LeadStatus status,
      @Schema(description = "Attribution source, exact", examples = "webinar") String source,
      @Schema(description = "Attribution campaign, exact") String campaign,
      @Schema(description = "Segment, exact") String segment,
      @Schema(description = "Owner in sales, exact", examples = "jane.doe@acme.com") String owner,
      @Schema(
              description = "Contact email, trimmed and case-insensitive",
              examples = "ada@example.com")
          String email,
      @Schema(
              description =
                  "Acceptance SLA state; BREACHED with status QUALIFIED finds the overdue leads"
                      + " still waiting for sales")
          SlaState slaState,
      @Schema(description = "Only leads changed at or after this RFC 3339 time")
          Instant updatedSince,
      @Schema(description = "The `nextCursor` of the previous page; absent for the first page")
          String cursor,
      @Schema(description = "Page size, 1 to 200", defaultValue = "50")
          @Min(1)
          @Max(Cursor.MAX_LIMIT)
          Integer limit) {

    static final LeadSearch ALL =
        new LeadSearch(null, null, null, null, null, null, null, null, null, null);
  }

  private final LeadService leads;

  public LeadSearchResource(LeadService leads) {
    this.leads = leads;
  }

  @POST
  @Authenticated
  @Operation(
      operationId = "searchLeads",
      summary = "Search leads, oldest first, by filters sent in the body (email and owner too)",
      description =
          "Any role. Answers what `listLeads` answers, for filters sent in the body instead of the"
              + " URL, so that an email address never reaches an access log, a proxy's log or a"
              + " browser history: one page of leads, oldest first, matching every filter given"
              + " — `status`, `source`, `campaign`, `segment` and `owner` (exact), `email`"
              + " (trimmed, case-insensitive), `slaState` and `updatedSince` (changed at or after)."
              + " Page with `limit` (1 to 200, 50 by default) and send the answer's `nextCursor`"
              + " back as `cursor` with the same filters; cursors of `listLeads` and `searchLeads`"
              + " are the same. No body, or `{}`, finds every lead. A search changes nothing: it"
              + " takes no `Idempotency-Key` and may be sent again. An invalid member is 400"
              + " `validation-error`, naming every offending one.")
  @RequestBody(required = false)
  @APIResponse(responseCode = "200", description = "One page of leads")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public LeadPage search(@Valid LeadSearch body) {
    LeadSearch search = body == null ? LeadSearch.ALL : body;
    QueryParams members = new QueryParams();
    LeadRepository.Filter filter =
        new LeadRepository.Filter(
            search.status(),
            members.text("source", search.source()),
            members.text("campaign", search.campaign()),
            members.text("segment", search.segment()),
            members.text("owner", search.owner()),
            members.text("email", search.email()),
            search.slaState(),
            search.updatedSince());
    Cursor after = members.cursor(search.cursor());
    members.validate();
    int limit = search.limit() == null ? Cursor.DEFAULT_LIMIT : search.limit();
    return LeadPage.of(leads.list(filter, after, limit));
  }
}
