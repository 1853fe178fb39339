package dev.closeloop.delivery.usecase;

import dev.closeloop.testing.TestPostgres;

/** {@link OutboxDeliveryTest} on PostgreSQL. */
class OutboxDeliveryPostgresTest extends OutboxDeliveryTest {
  @Override
  String storageYaml() {
    return TestPostgres.newDatabase().storageYaml();
  }
}
