// The reference loader for kafkalint's tests: java.util.Properties.load(InputStream), exactly
// as a Kafka process reads a config file, printed in the format of `kafkalint show --format json`.
//
//   java PropsOracle FILE      prints the JSON map, or "error: MESSAGE" when load() throws
//   java PropsOracle --batch   reads framed inputs on stdin, answers framed results on stdout
//                              (frame = 4-byte big-endian length + bytes; each answer starts
//                              with one status byte: 0 = JSON map, 1 = load() threw)
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

public final class PropsOracle {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  // JSON string as kafkalint prints it: UTF-8, short escapes for the common controls,
  // \\u00XX for the other controls, and \\uDXXX for surrogates that do not form a pair.
  static void quote(String s, ByteArrayOutputStream out) {
    StringBuilder b = new StringBuilder();
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(i + 1));
        i++;
        continue;
      }
      switch (c) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\b': b.append("\\b"); break;
        case '\f': b.append("\\f"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        default:
          if (c < 0x20 || Character.isSurrogate(c)) {
            b.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15])
                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
          } else {
            b.append(c);
          }
      }
    }
    b.append('"');
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
  }

  static byte[] toJson(Properties p) {
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<Object, Object> e : p.entrySet()) {
      sorted.put((String) e.getKey(), (String) e.getValue());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (sorted.isEmpty()) {
      out.write('{');
      out.write('}');
      out.write('\n');
      return out.toByteArray();
    }
    out.write('{');
    out.write('\n');
    boolean first = true;
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (!first) {
        out.write(',');
        out.write('\n');
      }
      first = false;
      out.write(' ');
      out.write(' ');
      quote(e.getKey(), out);
      out.write(':');
      out.write(' ');
      quote(e.getValue(), out);
    }
    out.write('\n');
    out.write('}');
    out.write('\n');
    return out.toByteArray();
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 1 && args[0].equals("--batch")) {
      DataInputStream in = new DataInputStream(System.in);
      DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(System.out));
      while (true) {
        int n;
        try {
          n = in.readInt();
        } catch (EOFException e) {
          break;
        }
        byte[] input = new byte[n];
        in.readFully(input);
        Properties p = new Properties();
        byte[] answer;
        int status = 0;
        try {
          p.load(new ByteArrayInputStream(input));
          answer = toJson(p);
        } catch (IllegalArgumentException e) {
          status = 1;
          answer = String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8);
        }
        out.writeByte(status);
        out.writeInt(answer.length);
        out.write(answer);
      }
      out.flush();
      return;
    }
    for (String file : args) {
      Properties p = new Properties();
      try {
        p.load(new ByteArrayInputStream(Files.readAllBytes(Paths.get(file))));
        System.out.write(toJson(p));
      } catch (IllegalArgumentException e) {
        System.out.write(("error: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    System.out.flush();
  }
}
