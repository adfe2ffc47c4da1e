// Run from the repository root after ./mvnw verify:
//   java -cp ~/.m2/repository/io/smallrye/jandex/3.2.7/jandex-3.2.7.jar benchmarks/packaging/IndexTime.java \
//     extension/target/original-flux-shutdown-0.1.0-SNAPSHOT.jar extension/target/flux-shutdown-0.1.0-SNAPSHOT.jar
import java.io.InputStream;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.Collections;
import org.jboss.jandex.Indexer;

/** Times Jandex indexing of every class in a jar, as Quarkus does for a dependency with beans.xml. */
public class IndexTime {
    public static void main(String[] args) throws Exception {
        for (String jar : args) {
            long best = Long.MAX_VALUE; int classes = 0;
            for (int round = 0; round < 15; round++) {
                long start = System.nanoTime();
                Indexer indexer = new Indexer();
                classes = 0;
                try (JarFile file = new JarFile(jar)) {
                    for (JarEntry e : Collections.list(file.entries())) {
                        if (e.getName().endsWith(".class")) {
                            try (InputStream in = file.getInputStream(e)) { indexer.index(in); classes++; }
                        }
                    }
                }
                indexer.complete();
                best = Math.min(best, System.nanoTime() - start);
            }
            System.out.printf("%s: %d classes, best of 15: %.1f ms%n", jar, classes, best / 1e6);
        }
    }
}
