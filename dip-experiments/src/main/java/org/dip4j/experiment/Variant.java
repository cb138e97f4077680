package org.dip4j.experiment;

import com.typesafe.config.Config;
import java.util.List;

/**
 * One value of an {@link Axis}: a folder-safe {@code name} (part of the run ids), the {@code label}
 * tables and plots show, the run files it starts from ({@code bases}, lowest first, already
 * resolved to absolute paths or {@code preset:NAME}) and its own {@code dip} settings.
 */
public record Variant(String name, String label, List<String> bases, Config settings) {
    public Variant {
        bases = List.copyOf(bases);
    }
}
