package dev.closeloop.mail;

import dev.closeloop.config.Config;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/**
 * Mail through the configured SMTP relay ({@code mail.smtp}) with Angus Mail. Every step is
 * bounded: connecting gives up after {@code timeouts.connect}, each read and write after {@code
 * timeouts.mail} (defaults {@link #TIMEOUT} for both when built without a config), the whole
 * exchange after three times {@code timeouts.mail}, and at most {@link #MAX_READ} bytes are read
 * from the relay. With {@code startTls} the relay must offer STARTTLS (the code is never sent in
 * clear text to a relay that does not).
 */
public final class SmtpMailer implements Mailer {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * The most read from the relay in one exchange: its replies are a few lines (an EHLO list, a
   * greeting); 1 MiB is far past any relay's and far short of the memory a line without end took.
   */
  static final long MAX_READ = 1024 * 1024;

  /**
   * How long one whole exchange may take (connect to QUIT, each step bounded by {@code
   * timeouts.mail}): a relay answering a byte at a time, inside each read's timeout, held the one
   * mail thread without end and every later code waited behind it.
   */
  static Duration exchangeWithin(Duration eachStep) {
    return eachStep.multipliedBy(3);
  }

  private final Config.Smtp smtp;
  private final Session session;

  public SmtpMailer(Config.Smtp smtp) {
    this(smtp, TIMEOUT, TIMEOUT);
  }

  /** With {@code timeouts.connect} and {@code timeouts.mail}. */
  public SmtpMailer(Config.Smtp smtp, Config.Timeouts timeouts) {
    this(smtp, timeouts.connect(), timeouts.mail());
  }

  private SmtpMailer(Config.Smtp smtp, Duration connect, Duration exchange) {
    this.smtp = smtp;
    Properties p = new Properties();
    String ms = Long.toString(exchange.toMillis());
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", Integer.toString(smtp.port()));
    p.put("mail.smtp.connectiontimeout", Long.toString(connect.toMillis()));
    p.put("mail.smtp.timeout", ms);
    p.put("mail.smtp.writetimeout", ms);
    p.put("mail.smtp.auth", Boolean.toString(!smtp.username().isEmpty()));
    p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
    p.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
    // the exchange as a whole, and what is read of the relay, bounded too (see BoundedSockets)
    p.put("mail.smtp.socketFactory", new BoundedSockets(exchangeWithin(exchange), MAX_READ));
    p.put("mail.smtp.socketFactory.fallback", "false");
    this.session = Session.getInstance(p);
  }

  @Override
  public void send(String to, String subject, String text) throws MailException {
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(smtp.from(), true));
      m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      m.setSubject(subject, "UTF-8");
      m.setText(text, "UTF-8");
      if (smtp.username().isEmpty()) {
        Transport.send(m);
      } else {
        Transport.send(m, smtp.username(), smtp.password());
      }
    } catch (MessagingException | RuntimeException e) {
      throw new MailException(
          "mail to the relay " + smtp.host() + " failed: " + e.getMessage() + why(e), e);
    }
  }

  /** The innermost cause, said after Angus's own words ("Exception reading response"). */
  private static String why(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
  }
}
