package dev.baton.lead;

import dev.baton.lead.PersonalDataService.Erasure;
import dev.baton.security.Caller;
import dev.baton.security.Role;
import dev.baton.web.ErrorResponses;
import dev.baton.web.Ids;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/leads/{id}/personal-data")
@Tag(
    name = "Personal data",
    description =
        "Erase a person (the right to erasure) while the anonymous funnel facts stay, so that the"
            + " funnel and SLA figures do not change")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataResource {

  private final PersonalDataService personalData;
  private final SecurityIdentity identity;

  public PersonalDataResource(PersonalDataService personalData, SecurityIdentity identity) {
    this.personalData = personalData;
    this.identity = identity;
  }

  @DELETE
  @RolesAllowed(Role.Names.ADMIN)
  @Operation(
      operationId = "erasePersonalData",
      summary = "Erase the person behind a lead, keeping the anonymous funnel facts (admin)",
      description =
          "Erases the person's contact, the company's name and domain, consent, free-form"
              + " attributes, every free text (qualification, rejection and dispute notes,"
              + " feedback text, notes in the lead's events and webhook payloads), external ids and"
              + " the opportunity reference, and rewrites stored idempotent answers to show the"
              + " anonymous lead. Status and its times, attribution, segment, score, owner,"
              + " industry, size and country, rejection reason, amount, SLA and dispute outcomes"
              + " stay, so the funnel and SLA figures are unchanged. Each erased lead gets a"
              + " `lead.erased` event (to the feed and to webhooks) and answers with its anonymous"
              + " skeleton from then on: `contact` absent, `erasedAt` set; it can no longer be"
              + " edited, recycled or given feedback (409 `lead-erased`). A later handoff with the"
              + " same email creates a new lead. Erasing again changes nothing.")
  @APIResponse(responseCode = "200", description = "The person is erased")
  @APIResponse(responseCode = "403", ref = ErrorResponses.FORBIDDEN)
  @APIResponse(responseCode = "404", ref = ErrorResponses.NOT_FOUND)
  public Erasure erase(@PathParam("id") String id) {
    return personalData.erase(Ids.parse(id, "lead"), Caller.of(identity));
  }
}
