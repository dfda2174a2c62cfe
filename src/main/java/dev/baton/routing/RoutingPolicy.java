package dev.baton.routing;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
    name = "RoutingPolicy",
    description =
        "Who gets a lead that becomes qualified: the first rule whose conditions all match names"
            + " the queue and the method; no rule matching, the fallback queue's weighted rotation."
            + " No rules and no fallback queue: leads are not assigned, and wait for sales as a"
            + " whole.")
public record RoutingPolicy(
    @Schema(description = "In order: the first that matches decides", required = true)
        @NotNull
        @Size(max = 200)
        List<@NotNull @Valid Rule> rules,
    @Schema(description = "The queue of a lead no rule matches, or whose rule finds nobody")
        @Pattern(regexp = TeamRecords.ID, message = TeamRecords.ID_MESSAGE)
        String fallbackQueue,
    @Schema(readOnly = true, description = "When the policy was last replaced")
        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        Instant updatedAt,
    @Schema(readOnly = true, description = "The API key that last replaced it")
        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        String updatedBy) {

  @Schema(name = "RoutingRule", description = "Leads matching `when` go to `queue` by `method`")
  public record Rule(
      @Schema(required = true, examples = "EMEA mid-market") @NotBlank @Size(max = 100) String name,
      @Schema(description = "Every condition given must match; none given: every lead") @Valid
          Conditions when,
      @Schema(required = true, examples = "emea")
          @NotNull
          @Pattern(regexp = TeamRecords.ID, message = TeamRecords.ID_MESSAGE)
          String queue,
      @Schema(required = true) @NotNull Method method,
      @Schema(description = "The member, with FIXED_MEMBER (and only then)")
          @Pattern(regexp = TeamRecords.ID, message = TeamRecords.ID_MESSAGE)
          String member) {

    boolean matches(RoutingSubject lead) {
      return when == null || when.matches(lead);
    }
  }

  @Schema(
      name = "RoutingConditions",
      description =
          "What a lead must have: one of the values listed for each field given (exact match;"
              + " countries as ISO codes; an empty list is no condition), a score in [minScore,"
              + " maxScore], and for each `attributes` key one of its values")
  public record Conditions(
      @Size(max = 100) List<@NotBlank @Size(max = 100) String> segments,
      @Size(max = 100) List<@NotBlank @Size(max = 200) String> sources,
      @Size(max = 100) List<@NotBlank @Size(max = 200) String> campaigns,
      @Size(max = 250) List<@NotBlank @Size(max = 2) String> companyCountries,
      @Size(max = 100) List<@NotBlank @Size(max = 50) String> companySizes,
      @Size(max = 100) List<@NotBlank @Size(max = 100) String> companyIndustries,
      @Min(0) @Max(100) Integer minScore,
      @Min(0) @Max(100) Integer maxScore,
      @Size(max = 20)
          Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 100) List<Object>>
              attributes) {

    boolean matches(RoutingSubject lead) {
      return in(segments, lead.segment())
          && in(sources, lead.source())
          && in(campaigns, lead.campaign())
          && in(companyCountries, lead.companyCountry())
          && in(companySizes, lead.companySize())
          && in(companyIndustries, lead.companyIndustry())
          && (minScore == null || (lead.score() != null && lead.score() >= minScore))
          && (maxScore == null || (lead.score() != null && lead.score() <= maxScore))
          && attributesMatch(lead.attributes());
    }

    private boolean attributesMatch(Map<String, Object> values) {
      if (attributes == null) {
        return true;
      }
      return attributes.entrySet().stream()
          .allMatch(
              wanted -> {
                Object value = values == null ? null : values.get(wanted.getKey());
                return value != null
                    && wanted.getValue().stream()
                        .anyMatch(v -> Objects.equals(String.valueOf(v), String.valueOf(value)));
              });
    }

    /** An empty list is no condition, as an absent one: generated clients send [] for none. */
    private static boolean in(List<String> allowed, String value) {
      return allowed == null || allowed.isEmpty() || (value != null && allowed.contains(value));
    }
  }

  /** The policy as given, stamped with who replaced it and when. */
  RoutingPolicy stamped(Instant at, String by) {
    return new RoutingPolicy(rules == null ? List.of() : rules, fallbackQueue, at, by);
  }

  /** Whether leads are routed at all. */
  boolean routes() {
    return !rules.isEmpty() || fallbackQueue != null;
  }
}
