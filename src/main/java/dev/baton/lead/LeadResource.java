package dev.baton.lead;

import dev.baton.idempotency.Idempotent;
import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.paging.Cursor;
import dev.baton.problem.Problem.FieldError;
import dev.baton.problem.ProblemException;
import dev.baton.problem.ProblemType;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.sla.SlaState;
import dev.baton.web.ErrorResponses;
import dev.baton.web.QueryParams;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The leads: hand one off, list them. One lead, on the paths below, is {@link LeadItemResource}'s;
 * Quarkus REST routes the methods of resources with one path as one.
 */
@Path("/api/v1/leads")
@Tag(
    name = "Leads",
    description = "Hand leads off, read them and edit their contact and attribution")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadResource {

  private static final List<String> PERSONAL_FILTERS = List.of("email", "owner");
  static final String ETAG_DOC =
      "The lead's version, quoted (e.g. \"3\"); send it back in If-Match";

  private final LeadService leads;
  private final SecurityIdentity identity;

  public LeadResource(LeadService leads, SecurityIdentity identity) {
    this.leads = leads;
    this.identity = identity;
  }

  @POST
  @Idempotent
  @RolesAllowed({Role.Names.MARKETING, Role.Names.ADMIN})
  @Operation(
      operationId = "handOffLead",
      summary = "Hand off one lead, as GENERATED or directly QUALIFIED",
      description =
          "Marketing and admin keys. Creates the lead as `GENERATED` (the default) or directly"
              + " `QUALIFIED`, which starts its acceptance SLA clock, and answers 201 with"
              + " `Location` and `ETag`. A person (same email, trimmed and case-folded) who has an"
              + " open lead (GENERATED, QUALIFIED or ACCEPTED) gets 409 `duplicate-lead` naming it"
              + " in `existingLeadId`, an `externalRefs` id another lead holds gets 409"
              + " `external-ref-exists`, and a person whose last lead was converted or rejected"
              + " comes back as a new lead linked by `previousLeadId`. A retry with the same"
              + " `Idempotency-Key` and body replays the first answer and changes nothing.")
  @APIResponse(
      responseCode = "201",
      description = "The new lead",
      content = @Content(schema = @Schema(implementation = LeadView.class)),
      headers = {
        @Header(
            name = "Location",
            description = "URL of the lead",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(name = "ETag", description = ETAG_DOC, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "413", ref = ErrorResponses.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
  public Response handOff(
      @NotNull @Valid NewLead body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey,
      UriInfo uri) {
    LeadView lead = leads.handOff(body, Caller.of(identity));
    return Response.created(uri.getAbsolutePathBuilder().path(lead.id().toString()).build())
        .header(HttpHeaders.ETAG, ETags.of(lead.version()))
        .entity(lead)
        .build();
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "listLeads",
      summary = "List leads, oldest first, filtered",
      description =
          "Any role. Answers one page of leads, oldest first, matching every filter given:"
              + " `status`, `source`, `campaign` and `segment` (exact), `slaState`, and"
              + " `updatedSince` (RFC 3339: changed at or after)."
              + " `status=QUALIFIED&slaState=BREACHED` lists the leads still waiting for sales past"
              + " their acceptance deadline. Page with `limit` (1 to 200, 50 by default) and pass"
              + " the answer's `nextCursor` as `cursor`; an invalid value is 400"
              + " `validation-error`, listing every offending parameter. Personal data never goes"
              + " in a URL, where access logs, proxies and browser histories keep it: to find a"
              + " person's leads by `email`, or a sales rep's by `owner`, send the filters in the"
              + " body of `searchLeads` (POST /api/v1/leads/search). `email` or `owner` in the"
              + " query is 400 `validation-error` naming the parameter.")
  @APIResponse(responseCode = "200", description = "One page of leads")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  public LeadPage list(
      @Parameter(description = "Funnel status", schema = @Schema(implementation = LeadStatus.class))
          @QueryParam("status")
          String status,
      @Parameter(description = "Attribution source, exact") @QueryParam("source") String source,
      @Parameter(description = "Attribution campaign, exact") @QueryParam("campaign")
          String campaign,
      @Parameter(description = "Segment, exact") @QueryParam("segment") String segment,
      @Parameter(
              description =
                  "Acceptance SLA state; BREACHED with status=QUALIFIED lists the overdue leads"
                      + " still waiting for sales",
              schema = @Schema(implementation = SlaState.class))
          @QueryParam("slaState")
          String slaState,
      @Parameter(
              description = "Only leads changed at or after this RFC 3339 time",
              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
          @QueryParam("updatedSince")
          String updatedSince,
      @Parameter(ref = "cursor") @QueryParam("cursor") String cursor,
      @Parameter(ref = "limit") @QueryParam("limit") String limit,
      UriInfo uri) {
    refusePersonalData(uri);
    QueryParams params = new QueryParams();
    LeadRepository.Filter filter =
        new LeadRepository.Filter(
            params.enumValue("status", status, LeadStatus.class),
            params.text("source", source),
            params.text("campaign", campaign),
            params.text("segment", segment),
            null,
            null,
            params.enumValue("slaState", slaState, SlaState.class),
            params.instant("updatedSince", updatedSince));
    Cursor after = params.cursor(cursor);
    int size = params.limit(limit);
    params.validate();
    return LeadPage.of(leads.list(filter, after, size));
  }

  /**
   * The filters that name a person are refused in the URL, before anything else is read: the client
   * learns where to send them instead. The value is neither echoed nor logged.
   */
  private static void refusePersonalData(UriInfo uri) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : PERSONAL_FILTERS) {
      if (uri.getQueryParameters().containsKey(name)) {
        errors.add(
            new FieldError(
                name,
                "personal data is not accepted in a URL: send it in the body of "
                    + LeadSearchResource.PATH));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION_ERROR,
          "Filter by "
              + errors.stream().map(FieldError::field).collect(Collectors.joining(" and "))
              + " with "
              + LeadSearchResource.PATH
              + ", the filters in its body: a URL is kept in access logs, proxies and browser"
              + " histories",
          errors);
    }
  }

  static Response withETag(LeadView lead) {
    return Response.ok(lead).header(HttpHeaders.ETAG, ETags.of(lead.version())).build();
  }
}
