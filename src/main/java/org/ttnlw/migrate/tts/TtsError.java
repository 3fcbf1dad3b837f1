package org.ttnlw.migrate.tts;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ttnlw.migrate.proto.ErrorDetails;

/** Turns a failed gRPC call into one line: status, then TTS's own error if it sent one. */
final class TtsError {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z0-9_]+)}");
  /** A Java exception's class name before its message, as the JDK's TLS quotes its causes. */
  private static final Pattern EXCEPTION_CLASS =
      Pattern.compile("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

  private TtsError() {}

  static String describe(Throwable failure) {
    Status status = Status.fromThrowable(failure);
    StringBuilder text = new StringBuilder(status.getCode().name());
    ErrorDetails details = details(failure);
    if (details != null) {
      text.append(": error:").append(details.getNamespace()).append(':').append(details.getName());
      String message = fill(details.getMessageFormat(), details.getAttributes());
      if (!message.isEmpty()) {
        text.append(" (").append(message).append(')');
      }
      if (!details.getCorrelationId().isEmpty()) {
        text.append(" [correlation_id ").append(details.getCorrelationId()).append(']');
      }
    } else if (status.getDescription() != null) {
      text.append(": ").append(plain(status.getDescription()));
    } else if (status.getCause() != null) {
      text.append(": ").append(plain(String.valueOf(status.getCause().getMessage())));
    }
    return text.toString();
  }

  /** The first line, without the class names of the exceptions it quotes: noise to an operator. */
  private static String plain(String said) {
    return EXCEPTION_CLASS.matcher(said.lines().findFirst().orElse("")).replaceAll("");
  }

  static ErrorDetails details(Throwable failure) {
    com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
    if (rich == null) {
      return null;
    }
    for (Any detail : rich.getDetailsList()) {
      if (detail.is(ErrorDetails.class)) {
        try {
          return detail.unpack(ErrorDetails.class);
        } catch (InvalidProtocolBufferException e) {
          return null;
        }
      }
    }
    return null;
  }

  static String fill(String format, Struct attributes) {
    Matcher matcher = PLACEHOLDER.matcher(format);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Value value = attributes.getFieldsMap().get(matcher.group(1));
      String replacement = value == null ? matcher.group() : text(value);
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  static String text(Value value) {
    return switch (value.getKindCase()) {
      case STRING_VALUE -> value.getStringValue();
      case NUMBER_VALUE -> {
        double number = value.getNumberValue();
        yield number == Math.rint(number) && Math.abs(number) < 1e15
            ? Long.toString((long) number) : Double.toString(number);
      }
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      default -> value.toString().strip();
    };
  }
}
