package dev.closeloop.ticket.poll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A helpdesk's answer read as text, at most {@code limit} bytes: a larger one (by its {@code
 * Content-Length} or as it streams) stops the read, drops the connection and fails the call with
 * {@link TooLarge}, so a hostile or broken helpdesk cannot fill the memory.
 */
public final class CappedBody {
  /** Poller pages (a Zendesk incremental page holds up to 1,000 tickets with their users). */
  public static final long POLL_PAGE = 32L * 1024 * 1024;

  /** Write-back answers (a created note or ticket, a page of comments to look a marker up in). */
  public static final long WRITE_BACK = 8L * 1024 * 1024;

  private CappedBody() {}

  /** The answer was over the limit. */
  public static final class TooLarge extends IOException {
    public TooLarge(long limit) {
      super("more than " + (limit / (1024 * 1024)) + " MiB, the most read from a helpdesk");
    }

    /** The one behind a failed call, or null. */
    public static TooLarge in(Throwable t) {
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof TooLarge large) {
          return large;
        }
      }
      return null;
    }
  }

  public static HttpResponse.BodyHandler<String> of(long limit) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      return new Subscriber(limit, declared > limit);
    };
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<String> {
    private final long limit;
    private final boolean refuseAtOnce;
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Subscriber(long limit, boolean refuseAtOnce) {
      this.limit = limit;
      this.refuseAtOnce = refuseAtOnce;
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (refuseAtOnce) {
        s.cancel();
        result.completeExceptionally(new TooLarge(limit));
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : buffers) {
        if (bytes.size() + (long) b.remaining() > limit) {
          subscription.cancel();
          bytes.reset();
          result.completeExceptionally(new TooLarge(limit));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        bytes.writeBytes(chunk);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toString(StandardCharsets.UTF_8));
    }
  }
}
