package org.dip4j.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceConfigurationError;

/**
 * Finds which jar listed a provider that failed to load. {@link ServiceConfigurationError} names
 * the class but not where it came from, and "which jar do I remove?" is the user's question.
 */
final class ProviderSources {
    private static final String SERVICES = "META-INF/services/";

    private ProviderSources() {}

    /**
     * The jar (or directory) whose service file for {@code service} lists a class the error
     * names, or "an unknown jar" when none does.
     */
    static String jarListing(ClassLoader loader, Class<?> service, ServiceConfigurationError error) {
        String message = String.valueOf(error.getMessage());
        List<String> hits = new ArrayList<>();
        try {
            Enumeration<URL> files = loader.getResources(SERVICES + service.getName());
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                for (String provider : providers(file)) {
                    if (message.contains(provider)) {
                        hits.add(containerOf(file));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            return "an unreadable jar (" + e.getMessage() + ")";
        }
        return hits.isEmpty() ? "an unknown jar" : String.join(" or ", hits);
    }

    /** The class names a service file lists (comments and blank lines dropped). */
    static List<String> providers(URL serviceFile) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(serviceFile.openStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!name.isEmpty()) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** {@code jar:file:/a/b.jar!/META-INF/...} → {@code /a/b.jar}; a directory URL → its root. */
    static String containerOf(URL serviceFile) {
        String s = serviceFile.toString();
        if (s.startsWith("jar:")) {
            s = s.substring(4, s.indexOf("!/"));
        } else {
            int at = s.indexOf(SERVICES);
            s = at >= 0 ? s.substring(0, at) : s;
        }
        try {
            return java.nio.file.Path.of(new java.net.URI(s)).toString();
        } catch (Exception e) {
            return s;
        }
    }
}
