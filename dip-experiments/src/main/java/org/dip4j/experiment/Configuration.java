package org.dip4j.experiment;

import java.util.Map;

/**
 * A point of the grid without its seed: the runs of one configuration differ only in their seed
 * and are summarised together (mean and spread).
 *
 * @param key         the variant names joined with {@code .}, e.g. {@code f16} or {@code vase.multiscale};
 *                    {@code all} for a grid without axes
 * @param label       the variant labels joined with {@code  · }, for tables and legends
 * @param coordinates axis name to variant name
 */
public record Configuration(String key, String label, Map<String, String> coordinates) {
    public Configuration {
        coordinates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(coordinates));
    }
}
