package dev.flux.shutdown.tck.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One markdown page split the way the docs checks need it: prose (for links), code (fenced blocks and inline spans,
 * for commands, paths and class names), headings (for anchors) and table rows.
 */
final class MarkdownPage {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```[^\\n]*\\n(.*?)^```\\s*$");
    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");

    final Path file;
    final String text;
    private final List<String> codeBlocks = new ArrayList<>();
    private final List<String> codeSpans = new ArrayList<>();
    private final String prose;

    MarkdownPage(Path file, String text) {
        this.file = file;
        this.text = text;
        Matcher fences = FENCE.matcher(text);
        StringBuilder outside = new StringBuilder();
        while (fences.find()) {
            codeBlocks.add(fences.group(1));
            fences.appendReplacement(outside, "");
        }
        fences.appendTail(outside);
        Matcher spans = SPAN.matcher(outside);
        StringBuilder rest = new StringBuilder();
        while (spans.find()) {
            codeSpans.add(spans.group(1));
            spans.appendReplacement(rest, "");
        }
        spans.appendTail(rest);
        this.prose = rest.toString();
    }

    /** Fenced code blocks, each as one string. */
    List<String> codeBlocks() {
        return codeBlocks;
    }

    /** Inline code spans outside fenced blocks. */
    List<String> codeSpans() {
        return codeSpans;
    }

    /** Every piece of code on the page: the blocks and the spans. */
    List<String> code() {
        List<String> all = new ArrayList<>(codeBlocks);
        all.addAll(codeSpans);
        return all;
    }

    /** Targets of markdown links in the prose (links inside code are not links). */
    List<String> linkTargets() {
        List<String> targets = new ArrayList<>();
        Matcher m = LINK.matcher(prose);
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }

    /** The anchors GitHub makes of the page's headings ({@code ## Who owns the process} is {@code who-owns-the-process}). */
    Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(FENCE.matcher(text).replaceAll(""));
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int n = seen.merge(slug, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? slug : slug + "-" + n);
        }
        return anchors;
    }

    /** The first cell of every table row (header and separator rows included), trimmed. */
    List<String> firstCells() {
        List<String> cells = new ArrayList<>();
        for (String line : FENCE.matcher(text).replaceAll("").split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("|")) {
                int end = trimmed.indexOf('|', 1);
                cells.add((end < 0 ? trimmed.substring(1) : trimmed.substring(1, end)).trim());
            }
        }
        return cells;
    }

    /**
     * The first cells of the rows of the one table whose header's first cell is {@code header}
     * ({@code | meter | ...}).
     */
    List<String> firstCellsOfTable(String header) {
        List<String> rows = new ArrayList<>();
        boolean inside = false;
        for (String line : FENCE.matcher(text).replaceAll("").split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("|")) {
                inside = false;
                continue;
            }
            int end = trimmed.indexOf('|', 1);
            String first = (end < 0 ? trimmed.substring(1) : trimmed.substring(1, end)).trim();
            if (!inside && first.equals(header)) {
                inside = true;
            } else if (inside && !first.startsWith("---")) {
                rows.add(first);
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
