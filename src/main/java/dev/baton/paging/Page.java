package dev.baton.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, and the cursor of the next one (absent on the last page). */
public record Page<T>(
    @Schema(required = true) List<T> data,
    @Schema(description = "Pass as `cursor` to get the next page; absent on the last page")
        String nextCursor) {}
