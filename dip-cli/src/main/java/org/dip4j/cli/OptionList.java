package org.dip4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option list of {@code --help}, laid out as picocli does but wrapped only at spaces: picocli
 * breaks lines at any line-break opportunity, including the dots inside keys
 * ({@code dip.run.↵iterations=500}), which cannot then be copied.
 */
final class OptionList implements CommandLine.IHelpSectionRenderer {
    /** Where descriptions start. */
    private static final int LEFT = 28;
    private final int width;

    OptionList(int width) {
        this.width = width;
    }

    /** Installs this renderer on {@code cli} and every subcommand. */
    static void install(CommandLine cli, int width) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, new OptionList(width));
        cli.getSubcommands().values().forEach(sub -> install(sub, width));
    }

    @Override
    public String render(Help help) {
        Help.IOptionRenderer renderer = help.createDefaultOptionRenderer();
        Help.IParamLabelRenderer labels = help.createDefaultParamLabelRenderer();
        StringBuilder out = new StringBuilder();
        List<OptionSpec> options = new ArrayList<>(help.commandSpec().options());
        options.removeIf(OptionSpec::hidden);
        options.sort((a, b) -> stripDashes(a.shortestName()).compareToIgnoreCase(stripDashes(b.shortestName())));
        for (OptionSpec option : options) {
            Help.Ansi.Text[][] rows = renderer.render(option, labels, help.colorScheme());
            // picocli's columns: required marker (2), short name (2), comma (1), space, long name with its label.
            String names = pad(rows[0][0].plainString(), 2) + pad(rows[0][1].plainString(), 2)
                    + pad(rows[0][2].plainString(), 1) + " " + rows[0][3].plainString().trim();
            List<String> words = new ArrayList<>();
            for (Help.Ansi.Text[] row : rows) {
                for (String w : row[4].plainString().trim().split("\\s+")) {
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
            }
            String indent = " ".repeat(LEFT);
            String head = names.stripTrailing();
            StringBuilder line;
            if (head.length() >= LEFT - 1) {
                out.append(head).append('\n');
                line = new StringBuilder(indent);
            } else {
                line = new StringBuilder(head + " ".repeat(LEFT - head.length()));
            }
            boolean atStart = true;
            for (String w : words) {
                if (!atStart && line.length() + 1 + w.length() > width) {
                    out.append(line).append('\n');
                    line = new StringBuilder(indent + "  ");
                    atStart = true;
                }
                if (!atStart) {
                    line.append(' ');
                }
                line.append(w);
                atStart = false;
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int n) {
        String t = s.stripTrailing();
        return t.length() >= n ? t : t + " ".repeat(n - t.length());
    }

    private static String stripDashes(String name) {
        return name.replaceFirst("^-+", "");
    }
}
