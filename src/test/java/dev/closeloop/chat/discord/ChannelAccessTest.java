package dev.closeloop.chat.discord;

import static dev.closeloop.chat.discord.ChannelAccess.ADMINISTRATOR;
import static dev.closeloop.chat.discord.ChannelAccess.VIEW_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.closeloop.chat.discord.ChannelAccess.Overwrite;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discord's documented order: base from roles, then @everyone, role and member overwrites. */
class ChannelAccessTest {
  static final String GUILD = "1";
  static final String USER = "9";
  static final Map<String, Long> ROLES = Map.of(GUILD, VIEW_CHANNEL, "10", 0L, "11", ADMINISTRATOR);
  static final Overwrite HIDDEN = new Overwrite(GUILD, 0, 0, VIEW_CHANNEL);

  @Test
  void aChannelHiddenFromEveryoneIsSeenThroughAnAllowingRole() {
    List<Overwrite> o = List.of(HIDDEN, new Overwrite("10", 0, VIEW_CHANNEL, 0));
    assertThat(ChannelAccess.canView(GUILD, USER, List.of("10"), ROLES, o)).isTrue();
    assertThat(ChannelAccess.canView(GUILD, USER, List.of(), ROLES, o)).isFalse();
  }

  @Test
  void aMemberOverwriteHasTheLastWordAndAdministratorsSeeAll() {
    List<Overwrite> o =
        List.of(new Overwrite("10", 0, VIEW_CHANNEL, 0), new Overwrite(USER, 1, 0, VIEW_CHANNEL));
    assertThat(ChannelAccess.canView(GUILD, USER, List.of("10"), ROLES, o)).isFalse();
    assertThat(ChannelAccess.canView(GUILD, USER, List.of("11"), ROLES, List.of(HIDDEN))).isTrue();
    assertThat(ChannelAccess.canView(GUILD, USER, List.of(), ROLES, List.of())).isTrue();
  }
}
