package dev.baton.sla;

import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/sla/policy")
@Tag(
    name = "SLA policy",
    description = "How long sales has to answer a qualified lead, and what marketing commits to")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SlaPolicyResource {

  private final SlaPolicyService policies;
  private final SecurityIdentity identity;

  public SlaPolicyResource(SlaPolicyService policies, SecurityIdentity identity) {
    this.policies = policies;
    this.identity = identity;
  }

  @GET
  @Authenticated
  @Operation(
      operationId = "getSlaPolicy",
      summary = "The SLA policy in force",
      description =
          "Any role. Answers the policy in force: the `acceptanceHours` sales has to accept or"
              + " reject a qualified lead, marketing's commitments (`qualifiedLeadsPerMonth`,"
              + " `minAcceptanceRate`), the per-segment overrides in `segments`, and who replaced"
              + " it last and when (`updatedBy`, `updatedAt`).")
  @APIResponse(responseCode = "200", description = "The policy")
  public SlaPolicy get() {
    return policies.policy();
  }

  @PUT
  @RolesAllowed(Role.Names.ADMIN)
  @Operation(
      operationId = "replaceSlaPolicy",
      summary = "Replace the SLA policy (admin); applies to leads qualified from now on",
      description =
          "Admin only. Replaces the whole policy: `acceptanceHours` (1 to 8760) is required,"
              + " optional members left out are cleared (no `segments`: no segment overrides), and"
              + " a segment may have one entry at most (400 `validation-error` otherwise). It"
              + " applies to leads that enter `QUALIFIED` from then on; running clocks keep their"
              + " deadline. `updatedAt` and `updatedBy` are set by Baton, and sending the same"
              + " policy again is harmless.")
  @APIResponse(responseCode = "200", description = "The policy now in force")
  @APIResponse(responseCode = "400", ref = ErrorResponses.BAD_REQUEST)
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "415", ref = ErrorResponses.UNSUPPORTED_MEDIA_TYPE)
  public SlaPolicy replace(@NotNull @Valid SlaPolicy body) {
    return policies.replace(body, Caller.of(identity));
  }
}
