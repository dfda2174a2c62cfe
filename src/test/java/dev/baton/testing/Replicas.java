package dev.baton.testing;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Replicas of the packaged application on one embedded PostgreSQL of their own, for the {@code *IT}
 * tests that race them: {@code @RegisterExtension static final Replicas replicas = new
 * Replicas(...)} starts them before the class's tests and stops them after. And what those tests do
 * with them: send requests at once, read the feed to its end, query the database they share.
 */
public final class Replicas implements BeforeAllCallback, AfterAllCallback {

  private final int size;
  private final String name;
  private final String adminKey;
  private final String[] systemProperties;
  private final List<Replica> replicas = new ArrayList<>();
  private EmbeddedPostgres postgres;

  /** {@code count} replicas named {@code name0}, {@code name1}..., with these system properties. */
  public Replicas(int count, String name, String adminKey, String... systemProperties) {
    this.size = count;
    this.name = name;
    this.adminKey = adminKey;
    this.systemProperties = systemProperties;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    postgres = Replica.postgres();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    for (int replica = 0; replica < size; replica++) {
      replicas.add(Replica.start(name + replica, url, adminKey, Map.of(), systemProperties));
    }
    for (Replica replica : replicas) {
      replica.awaitReady();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    for (Replica replica : replicas) {
      replica.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  public Replica get(int replica) {
    return replicas.get(replica);
  }

  /** Every event id of the feed, read from one replica page after page to its end. */
  public List<String> drainFeed(int replica, String key) {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    while (true) {
      RequestSpecification request = get(replica).call(key).queryParam("limit", 200);
      if (cursor != null) {
        request.queryParam("after", cursor);
      }
      JsonPath page = request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
      List<String> data = page.getList("data.id", String.class);
      ids.addAll(data);
      String next = page.getString("nextCursor");
      if (data.isEmpty() && next.equals(cursor)) {
        return ids;
      }
      cursor = next;
    }
  }

  /** The answers of 20 requests sent at once, request {@code i} made by {@code request}. */
  public static List<Response> race(IntFunction<Response> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> futures = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int n = i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return request.apply(n);
              }));
    }
    start.countDown();
    List<Response> answers = new ArrayList<>();
    for (Future<Response> future : futures) {
      answers.add(future.get());
    }
    pool.shutdown();
    return answers;
  }

  /** The rows an update changes, the ids of {@code leads} being its one parameter. */
  public int update(String sql, Collection<String> leads) throws SQLException {
    return withLeads(sql, leads, PreparedStatement::executeUpdate);
  }

  /** The one number a query answers, the ids of {@code leads} being its one parameter. */
  public int count(String sql, Collection<String> leads) throws SQLException {
    return withLeads(
        sql,
        leads,
        query -> {
          try (ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
          }
        });
  }

  /** The (lead id, number) rows a query answers, the ids of {@code leads} its one parameter. */
  public Map<String, Integer> countByLead(String sql, Collection<String> leads)
      throws SQLException {
    return withLeads(
        sql,
        leads,
        query -> {
          Map<String, Integer> counts = new HashMap<>();
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              counts.put(rows.getString(1), rows.getInt(2));
            }
          }
          return counts;
        });
  }

  private interface Statement<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  private <T> T withLeads(String sql, Collection<String> leads, Statement<T> statement)
      throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement prepared = connection.prepareStatement(sql)) {
      prepared.setArray(
          1, connection.createArrayOf("uuid", leads.stream().map(UUID::fromString).toArray()));
      return statement.run(prepared);
    }
  }
}
