package dev.baton.lead;

import dev.baton.json.IsoCountry;
import dev.baton.reason.Accountable;
import dev.baton.sla.SlaState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Leads on the wire. */
public final class LeadRecords {

  private LeadRecords() {}

  @Schema(name = "Contact", description = "The person")
  public record Contact(
      @Schema(required = true, examples = "ada@example.com")
          @NotBlank
          @Pattern(
              regexp = "^\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*$",
              message = "must be a well-formed email address")
          @Size(max = 254)
          String email,
      @Size(max = 100) String firstName,
      @Size(max = 100) String lastName,
      @Schema(examples = "+33 1 23 45 67 89")
          @Size(max = 40)
          @Pattern(
              regexp = "^\\+?[0-9 ().\\-/]{3,40}$",
              message = "must be a phone number: digits, spaces, + ( ) . - /")
          String phone,
      @Size(max = 150) String jobTitle) {}

  @Schema(name = "Company", description = "The person's company")
  public record Company(
      @Size(max = 200) String name,
      @Schema(examples = "example.com") @Size(max = 253) String domain,
      @Size(max = 100) String industry,
      @Schema(description = "Head-count band, e.g. 51-200", examples = "51-200") @Size(max = 30)
          String size,
      @Schema(description = "ISO 3166-1 alpha-2", examples = "FR", pattern = "^[A-Z]{2}$")
          @IsoCountry
          String country) {}

  @Schema(name = "Attribution", description = "Where the lead came from")
  public record Attribution(
      @Schema(required = true, examples = "webinar") @NotBlank @Size(max = 100) String source,
      @Schema(examples = "2026-q4-launch") @Size(max = 200) String campaign,
      @Size(max = 100) String medium,
      @Schema(
              description = "The content asset that converted the person",
              examples = "pricing-guide")
          @Size(max = 200)
          String content,
      @Size(max = 200) String term,
      @Size(max = 200) String utmSource,
      @Size(max = 200) String utmMedium,
      @Size(max = 200) String utmCampaign,
      @Size(max = 200) String utmTerm,
      @Size(max = 200) String utmContent) {}

  @Schema(name = "Consent", description = "The person's marketing consent, as captured")
  public record Consent(
      @Schema(
              required = true,
              description = "Whether the person consented; required whenever consent is given")
          @NotNull
          Boolean granted,
      Instant capturedAt,
      @Schema(description = "Where consent was captured, e.g. the form", examples = "pricing-form")
          @Size(max = 200)
          String source) {}

  @Schema(
      name = "InitialStatus",
      description = "A lead is handed off as GENERATED (an inquiry) or directly QUALIFIED (an MQL)")
  public enum InitialStatus {
    GENERATED,
    QUALIFIED
  }

  @Schema(name = "NewLead", description = "A lead handed off by marketing")
  public record NewLead(
      @Schema(required = true) @NotNull @Valid Contact contact,
      @Valid Company company,
      @Schema(required = true) @NotNull @Valid Attribution attribution,
      @Schema(examples = "mid-market") @Size(max = 100) String segment,
      @Schema(description = "GENERATED when absent", defaultValue = "GENERATED")
          InitialStatus status,
      @Schema(description = "Marketing's score, 0 to 100") @Min(0) @Max(100) Integer score,
      @Schema(description = "Why marketing qualified it") @Size(max = 2000)
          String qualificationNote,
      @Valid Consent consent,
      @Schema(description = "Free-form properties, kept as given (at most 100)") @Size(max = 100)
          Map<String, Object> attributes,
      @Schema(description = "The lead's ids in other systems, at most one per system")
          @Size(max = 20)
          List<@NotNull @Valid ExternalRef> externalRefs) {

    /** The editable part of the lead this handoff describes. */
    public LeadChanges changes() {
      return new LeadChanges(contact, company, attribution, segment, consent, attributes);
    }

    public NewLead withExternalRefs(List<ExternalRef> refs) {
      return new NewLead(
          contact,
          company,
          attribution,
          segment,
          status,
          score,
          qualificationNote,
          consent,
          attributes,
          refs);
    }
  }

  /**
   * The part of a lead that PATCH may change. On the wire the patch is documented as {@code
   * LeadPatch}, derived from these schemas by {@code OpenApiConventions}.
   */
  public record LeadChanges(
      @NotNull @Valid Contact contact,
      @Valid Company company,
      @NotNull @Valid Attribution attribution,
      @Size(max = 100) String segment,
      @Valid Consent consent,
      @Size(max = 100) Map<String, Object> attributes) {}

  @Schema(name = "StatusTimes", description = "When the lead last entered each status")
  public record StatusTimes(
      Instant generatedAt,
      Instant qualifiedAt,
      Instant acceptedAt,
      Instant rejectedAt,
      Instant convertedAt) {}

  @Schema(name = "Rejection")
  public record Rejection(
      @Schema(required = true, examples = "NOT_ICP") String reason,
      @Schema(required = true) Accountable accountable,
      String note) {}

  @Schema(name = "Sla", description = "The acceptance clock of a qualified lead")
  public record SlaView(
      @Schema(required = true) SlaState state,
      @Schema(required = true, description = "When the lead entered QUALIFIED (again)")
          Instant startedAt,
      @Schema(required = true, description = "Sales accepts or rejects by then") Instant deadline,
      @Schema(description = "When sales accepted or rejected it") Instant decidedAt) {}

  @Schema(name = "Dispute", description = "Marketing's contest of a rejection, and its outcome")
  public record DisputeView(
      @Schema(required = true) DisputeState state,
      @Schema(required = true, description = "The rejection reason contested", examples = "NOT_ICP")
          String reason,
      @Schema(description = "Marketing's case; absent once the person's data was erased")
          String note,
      @Schema(required = true) Instant openedAt,
      @Schema(required = true, description = "The API key that opened it") String openedBy,
      Instant resolvedAt,
      @Schema(description = "The API key that resolved it") String resolvedBy,
      String resolutionNote) {}

  @Schema(name = "Conversion")
  public record Conversion(
      String opportunityRef,
      @Schema(examples = "12000.00") BigDecimal amount,
      @Schema(examples = "EUR") String currency) {}

  @Schema(name = "Lead")
  public record LeadView(
      @Schema(required = true) UUID id,
      @Schema(required = true) LeadStatus status,
      @Schema(description = "The person; absent once their personal data was erased")
          Contact contact,
      Company company,
      @Schema(required = true) Attribution attribution,
      String segment,
      Integer score,
      String qualificationNote,
      @Schema(description = "Who in sales owns it, set by accept") String owner,
      @Schema(
              description =
                  "Who routing assigned it to in this cycle; absent without routing rules or"
                      + " when nobody could take it")
          LeadAssignee assignee,
      Consent consent,
      @Schema(required = true) Map<String, Object> attributes,
      @Schema(required = true) StatusTimes statusTimes,
      @Schema(description = "Present while REJECTED") Rejection rejection,
      @Schema(description = "Present once CONVERTED") Conversion conversion,
      @Schema(description = "The acceptance SLA; present once the lead was qualified in this cycle")
          SlaView sla,
      @Schema(description = "The latest dispute of a rejection in this cycle, if any")
          DisputeView dispute,
      @Schema(required = true) int recycleCount,
      @Schema(required = true, description = "Increases with every change; also the ETag")
          long version,
      @Schema(required = true) Instant createdAt,
      @Schema(required = true) Instant updatedAt,
      @Schema(
              required = true,
              description =
                  "The lead's ids in other systems, one per system, in the order of the systems' names")
          List<ExternalRef> externalRefs,
      @Schema(description = "The person's previous lead (converted or rejected), if they came back")
          UUID previousLeadId,
      @Schema(
              description =
                  "When the person's personal data was erased; the lead keeps only anonymous"
                      + " funnel facts since")
          Instant erasedAt) {}
}
