package dev.closeloop.app;

import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpChannelOverHttp;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A request Jetty's parser refuses is the client's error: Jetty answers some of them with a 5xx (an
 * unknown HTTP version in the request line, {@code XTTP/1.1} included, is 505), which is 400 here,
 * as the contract allows no 5xx for anything a client sends. Only the status changes: the body is
 * still {@link HttpApi}'s JSON error.
 */
final class ClientErrors extends HttpConnectionFactory {
  private ClientErrors(HttpConfiguration config) {
    super(config);
  }

  /**
   * Puts this factory in place of the plain HTTP/1.1 one on each of {@code server}'s connectors.
   */
  static void install(Server server) {
    for (Connector c : server.getConnectors()) {
      if (!(c instanceof ServerConnector sc)) {
        continue;
      }
      HttpConnectionFactory f = sc.getConnectionFactory(HttpConnectionFactory.class);
      if (f != null && !(f instanceof ClientErrors)) {
        ClientErrors replacement = new ClientErrors(f.getHttpConfiguration());
        replacement.setUseInputDirectByteBuffers(f.isUseInputDirectByteBuffers());
        replacement.setUseOutputDirectByteBuffers(f.isUseOutputDirectByteBuffers());
        sc.removeConnectionFactory(f.getProtocol());
        sc.addFirstConnectionFactory(replacement);
      }
    }
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    HttpConnection connection =
        new HttpConnection(
            getHttpConfiguration(), connector, endPoint, isRecordHttpComplianceViolations()) {
          @Override
          protected HttpChannelOverHttp newHttpChannel() {
            return new HttpChannelOverHttp(
                this, getConnector(), getHttpConfiguration(), getEndPoint(), this) {
              @Override
              public void badMessage(BadMessageException failure) {
                super.badMessage(
                    failure.getCode() >= 500
                        ? new BadMessageException(400, failure.getReason(), failure)
                        : failure);
              }
            };
          }
        };
    connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
    connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
    return configure(connection, connector, endPoint);
  }
}
