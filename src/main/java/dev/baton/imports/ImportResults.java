package dev.baton.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.imports.ImportRecords.Outcome;
import dev.baton.imports.ImportRecords.RowResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * An import's per-row results, streamed: read a page of rows at a time in short transactions, in
 * row order, so that a million rows cost what a page does in memory.
 */
@ApplicationScoped
class ImportResults {

  private static final int PAGE = 5000;

  private final EntityManager em;
  private final ObjectMapper mapper;

  ImportResults(EntityManager em, ObjectMapper mapper) {
    this.em = em;
    this.mapper = mapper;
  }

  StreamingOutput stream(UUID job, boolean csv) {
    return output -> {
      Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
      if (csv) {
        out.write("row,outcome,leadId,problem\n");
      }
      long after = 0;
      for (List<RowResult> page = page(job, after); !page.isEmpty(); page = page(job, after)) {
        for (RowResult row : page) {
          if (csv) {
            out.write(
                row.row()
                    + ","
                    + row.outcome()
                    + ","
                    + nullToEmpty(row.leadId())
                    + ","
                    + quoted(row.problem())
                    + "\n");
          } else {
            out.write(mapper.writeValueAsString(row));
            out.write('\n');
          }
          after = row.row();
        }
      }
      out.flush();
    };
  }

  private List<RowResult> page(UUID job, long after) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "SELECT row_number, outcome, lead_id, problem::text FROM import_row"
                              + " WHERE job_id = ?1 AND row_number > ?2 ORDER BY row_number"
                              + " LIMIT ?3")
                      .setParameter(1, job)
                      .setParameter(2, after)
                      .setParameter(3, PAGE)
                      .getResultList();
              return rows.stream()
                  .map(
                      r ->
                          new RowResult(
                              ((Number) r[0]).longValue(),
                              Outcome.valueOf((String) r[1]),
                              (UUID) r[2],
                              (String) r[3]))
                  .toList();
            });
  }

  private static String nullToEmpty(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String quoted(String value) {
    return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
