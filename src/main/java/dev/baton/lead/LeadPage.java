package dev.baton.lead;

import dev.baton.lead.LeadRecords.LeadView;
import dev.baton.paging.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LeadPage", description = "One page of leads")
public record LeadPage(
    @Schema(required = true) List<LeadView> data,
    @Schema(description = "Pass as `cursor` to get the next page; absent on the last page")
        String nextCursor) {

  static LeadPage of(Page<LeadView> page) {
    return new LeadPage(page.data(), page.nextCursor());
  }
}
