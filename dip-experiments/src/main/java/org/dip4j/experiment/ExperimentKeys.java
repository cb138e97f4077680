package org.dip4j.experiment;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.util.Set;
import org.dip4j.api.InvalidInputException;
import org.dip4j.api.Names;

/** Rejects keys an experiment file does not know, naming the file, line, key and the closest known key. */
final class ExperimentKeys {
    private ExperimentKeys() {}

    static void check(ConfigObject object, String path, Set<String> known) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                ConfigValue v = object.get(key);
                String full = path.isEmpty() ? key : path + "." + key;
                throw new InvalidInputException("unknown experiment key '%s' (%s)%s".formatted(full,
                        v.origin().description(), Names.closest(key, known).map(c -> "; did you mean '" + c + "'?")
                                .orElse("; known here: " + String.join(", ", new java.util.TreeSet<>(known)))));
            }
        }
    }
}
