package dev.baton.apikey;

import dev.baton.apikey.ApiKeyRecords.ApiKeyView;
import dev.baton.paging.Page;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyPage", description = "One page of API keys")
public record ApiKeyPage(
    @Schema(required = true) List<ApiKeyView> data,
    @Schema(description = "Pass as `cursor` to get the next page; absent on the last page")
        String nextCursor) {

  static ApiKeyPage of(Page<ApiKeyView> page) {
    return new ApiKeyPage(page.data(), page.nextCursor());
  }
}
