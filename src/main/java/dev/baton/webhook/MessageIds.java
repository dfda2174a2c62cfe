package dev.baton.webhook;

import java.util.UUID;

/**
 * The {@code webhook-id} of a message: {@code msg_} and the delivery's id without dashes, the same
 * on every attempt, so that a receiver can tell a retry from a new message.
 */
final class MessageIds {

  private MessageIds() {}

  static String of(UUID delivery) {
    return "msg_" + delivery.toString().replace("-", "");
  }

  /** The delivery a webhook-id names, or the text itself when it is not one. */
  static String delivery(String messageId) {
    return messageId.startsWith("msg_") && messageId.length() == 36
        ? messageId.substring(4).replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5")
        : messageId;
  }
}
