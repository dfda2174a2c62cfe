package dev.baton.webhook;

import dev.baton.testing.Receiver.Message;
import java.util.List;

/** What the webhook tests read off a list of received messages. */
final class Messages {

  private Messages() {}

  static List<String> types(List<Message> messages) {
    return messages.stream().map(Message::type).toList();
  }

  static List<Long> versions(List<Message> messages) {
    return messages.stream().map(Message::leadVersion).toList();
  }

  static String describe(List<Message> messages) {
    return messages.stream()
        .map(m -> m.id() + " v" + m.leadVersion() + " " + m.type() + " @" + m.at())
        .toList()
        .toString();
  }
}
