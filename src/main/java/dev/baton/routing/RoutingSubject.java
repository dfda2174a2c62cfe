package dev.baton.routing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What routing rules look at in a lead. */
@Schema(
    name = "RoutingSubject",
    description = "The fields of a lead the routing rules look at; absent fields match no list")
public record RoutingSubject(
    @Schema(examples = "mid-market") @Size(max = 100) String segment,
    @Schema(examples = "webinar") @Size(max = 200) String source,
    @Size(max = 200) String campaign,
    @Schema(examples = "FR", description = "ISO 3166-1 alpha-2") @Size(max = 2)
        String companyCountry,
    @Schema(examples = "51-200") @Size(max = 50) String companySize,
    @Size(max = 100) String companyIndustry,
    @Min(0) @Max(100) Integer score,
    @Size(max = 100) Map<String, Object> attributes) {}
