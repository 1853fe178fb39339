package dev.closeloop.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test (constructor, lifecycle method or test method) a fresh, empty PostgreSQL database on
 * the JVM-wide {@link TestPostgres} server: declare a {@link TestPostgres.Db} parameter.
 */
public final class PostgresExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestPostgres.Db.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return TestPostgres.newDatabase();
  }
}
