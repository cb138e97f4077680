package org.dip4j.cli;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dip4j.api.PluginInfo;
import org.dip4j.api.PluginRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dip plugins}: every task, loss, architecture and metric on the classpath. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins found on the classpath and in the plugin folders (./plugins, --plugins, DIP_PLUGINS), with kind, id, version and source jar.")
final class PluginsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PluginRegistry registry = DipCommand.of(spec).registry();
        PrintWriter out = spec.commandLine().getOut();
        List<PluginInfo> plugins = registry.describe();
        if (json) {
            List<Object> rows = new ArrayList<>();
            for (PluginInfo p : plugins) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("kind", p.kind().label());
                row.put("id", p.id());
                row.put("version", p.version());
                row.put("description", p.description());
                row.put("source", p.source());
                rows.add(row);
            }
            out.println(ConfigValueFactory.fromIterable(rows).render(ConfigRenderOptions.concise().setJson(true)));
        } else {
            out.printf("%-13s %-16s %-16s %s%n", "KIND", "ID", "VERSION", "SOURCE");
            for (PluginInfo p : plugins) {
                String source = p.source();
                int slash = source.lastIndexOf('/', source.length() - 2);
                out.printf("%-13s %-16s %-16s %s%n", p.kind().label(), p.id(), p.version(),
                        slash >= 0 ? source.substring(slash + 1) : source);
            }
        }
        out.flush();
        return 0;
    }
}
