package dev.baton.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.idempotency.Idempotency;
import dev.baton.idempotency.Idempotent;
import dev.baton.lead.LeadRecords.NewLead;
import dev.baton.problem.Problem;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import dev.baton.web.StrictJsonReader;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads/batch")
@Tag(name = "Leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LeadBatchResource {

  static final int MAX_ITEMS = 500;

  @Schema(name = "LeadBatch")
  public record LeadBatch(
      @Schema(
              required = true,
              type = SchemaType.ARRAY,
              implementation = NewLead.class,
              minItems = 1,
              maxItems = MAX_ITEMS,
              description = "1 to 500 leads, each checked on its own")
          @NotNull
          @Size(min = 1, max = MAX_ITEMS)
          List<JsonNode> leads) {}

  @Schema(name = "LeadBatchItem", description = "The outcome of one lead of the batch")
  public record Item(
      @Schema(required = true, description = "Position of the lead in the batch, from 0") int index,
      @Schema(required = true, description = "201 when created, else the status of `problem`")
          int status,
      @Schema(description = "The new lead's id") UUID leadId,
      @Schema(description = "The new lead's path") String location,
      @Schema(description = "Why this lead was not created") Problem problem) {}

  @Schema(name = "LeadBatchResult")
  public record Result(
      @Schema(required = true, description = "One outcome per lead, in order")
          List<Item> results) {}

  private final LeadBatchService batches;
  private final Idempotency idempotency;
  private final SecurityIdentity identity;
  private final BatchTurns turns;
  private final StrictJsonReader json;

  public LeadBatchResource(
      LeadBatchService batches,
      Idempotency idempotency,
      SecurityIdentity identity,
      BatchTurns turns,
      StrictJsonReader json) {
    this.batches = batches;
    this.idempotency = idempotency;
    this.identity = identity;
    this.turns = turns;
    this.json = json;
  }

  @POST
  @RolesAllowed({Role.Names.MARKETING, Role.Names.ADMIN})
  @Operation(
      operationId = "handOffLeads",
      summary =
          "Hand off up to 500 leads; each is created or refused on its own, with one outcome per lead",
      description =
          "Marketing and admin keys. Takes 1 to 500 leads in `leads`, each checked and created on"
              + " its own as by `handOffLead`, and answers 200 with `results`: one outcome per"
              + " lead, in order, either `status` 201 with `leadId` and `location`, or the status"
              + " and `problem` that refused that lead (e.g. 400 `validation-error`, 409"
              + " `duplicate-lead`); only a body that is not such a list fails as a whole. The"
              + " leads created commit together, in one transaction. A replica hands off 2 batches"
              + " at once: a batch that waits more than 30 s for its turn gets 503 `busy` with"
              + " `Retry-After` and nothing changed, and an `Idempotency-Key` makes the whole"
              + " batch safe to retry.")
  @APIResponse(
      responseCode = "200",
      description = "One outcome per lead, in order: 201 with the lead's id, or a problem",
      content = @Content(schema = @Schema(implementation = Result.class)))
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  public Response handOff(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = LeadBatch.class)))
          InputStream sent,
      @Parameter(ref = "idempotencyKey") @HeaderParam(Idempotent.HEADER) String idempotencyKey,
      UriInfo uri) {
    Caller caller = Caller.of(identity);
    String instance = "/" + uri.getPath().replaceFirst("^/", "");
    // The body is read in turn: batches waiting for theirs hold their bytes, not their trees. So
    // the key is claimed here, with the body read, rather than by @Idempotent before the wait.
    return turns.inTurn(
        () -> {
          LeadBatch body = json.readValid(sent, LeadBatch.class);
          return idempotency.run(
              idempotencyKey,
              body,
              () ->
                  Response.ok(
                          new Result(
                              batches.handOff(body.leads(), caller).stream()
                                  .map(
                                      outcome ->
                                          outcome.lead() != null
                                              ? new Item(
                                                  outcome.index(),
                                                  201,
                                                  outcome.lead().id(),
                                                  "/api/v1/leads/" + outcome.lead().id(),
                                                  null)
                                              : new Item(
                                                  outcome.index(),
                                                  outcome.problem().status(),
                                                  null,
                                                  null,
                                                  outcome.problem().toProblem(instance)))
                                  .toList()))
                      .build());
        });
  }
}
