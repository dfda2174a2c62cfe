package dev.baton.feedback;

import dev.baton.feedback.FeedbackRecords.FeedbackList;
import dev.baton.feedback.FeedbackRecords.FeedbackView;
import dev.baton.feedback.FeedbackRecords.NewFeedback;
import dev.baton.idempotency.Idempotent;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import dev.baton.web.Ids;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads/{id}/feedback")
@Tag(
    name = "Feedback",
    description =
        "What sales saw of a lead: a quality rating, objections, complaints, observations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FeedbackResource {

  private final FeedbackService feedback;
  private final SecurityIdentity identity;

  public FeedbackResource(FeedbackService feedback, SecurityIdentity identity) {
    this.feedback = feedback;
    this.identity = identity;
  }

  @POST
  @Idempotent
  @RolesAllowed({Role.Names.SALES, Role.Names.ADMIN})
  @Operation(
      operationId = "giveFeedback",
      summary = "Give field feedback on a lead (sales, admin)",
      description =
          "Sales and admin keys. Takes a quality `rating` from 1 (junk) to 5 (excellent), a `kind`"
              + " (OBJECTION, COMPLAINT, OBSERVATION or NOTE) with its `text`, or both; neither,"
              + " or a `kind` without `text`, is 400 `validation-error`. Answers 201 with the"
              + " feedback, also recorded as a `lead.feedback_added` event (history, feed,"
              + " webhooks) without changing the lead's version; a rating counts towards the"
              + " current cycle's mean rating in the funnel metrics. 409 `lead-erased` once the"
              + " lead's personal data was erased; an `Idempotency-Key` makes retries safe.")
  @APIResponse(
      responseCode = "201",
      description = "The feedback, also recorded as a lead.feedback_added event",
      content = @Content(schema = @Schema(implementation = FeedbackView.class)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public Response give(
      @PathParam("id") String id,
      @NotNull @Valid NewFeedback body,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey) {
    return Response.status(201)
        .entity(feedback.give(Ids.parse(id, "lead"), body, Caller.of(identity)))
        .build();
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "listFeedback",
      summary = "The feedback given on a lead, oldest first",
      description =
          "Any role. Answers every feedback given on the lead, oldest first and not paged: its"
              + " `rating`, `kind`, `text`, `author` (the API key's name and role) and"
              + " `createdAt`. An id that names no lead is 404 `not-found`.")
  @APIResponse(responseCode = "200", description = "Every feedback of the lead")
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public FeedbackList list(@PathParam("id") String id) {
    return new FeedbackList(feedback.of(Ids.parse(id, "lead")));
  }
}
