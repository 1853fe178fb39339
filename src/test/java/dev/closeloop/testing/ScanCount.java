package dev.closeloop.testing;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * How many rows H2 read to answer a query: the scan counts of {@code EXPLAIN ANALYZE}, summed over
 * every table and subquery the plan reads.
 */
public final class ScanCount {
  private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

  private ScanCount() {}

  public static long of(Handle h, String sql, Map<String, Object> binds) {
    Query q = h.createQuery("EXPLAIN ANALYZE " + sql);
    binds.forEach(q::bind);
    String plan = q.mapTo(String.class).one();
    Matcher m = SCAN_COUNT.matcher(plan);
    long rows = 0;
    boolean any = false;
    while (m.find()) {
      rows += Long.parseLong(m.group(1));
      any = true;
    }
    if (!any) {
      throw new AssertionError("no scan count in the plan: " + plan);
    }
    return rows;
  }
}
