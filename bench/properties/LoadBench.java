// Times java.util.Properties.load(InputStream) on one file, the way Kafka reads its configs.
// usage: java LoadBench FILE [RUNS]  -- prints the best and median wall time of load() alone
// (the file is read into memory first, so disk I/O is not measured).
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Properties;

public final class LoadBench {
  public static void main(String[] args) throws Exception {
    byte[] bytes = Files.readAllBytes(Paths.get(args[0]));
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    double[] times = new double[runs];
    int size = 0;
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      Properties p = new Properties();
      p.load(new ByteArrayInputStream(bytes));
      times[r] = (System.nanoTime() - t0) / 1e9;
      size = p.size();
    }
    Arrays.sort(times);
    double mb = bytes.length / 1e6;
    System.out.printf("java.util.Properties.load: %d keys, best %.3f s (%.0f MB/s), median %.3f s (%.0f MB/s)%n",
        size, times[0], mb / times[0], times[runs / 2], mb / times[runs / 2]);
  }
}
