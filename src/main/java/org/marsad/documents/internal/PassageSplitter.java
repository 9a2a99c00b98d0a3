package org.marsad.documents.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a text extracted from a PDF into passages a person would call paragraphs. The extraction breaks every
 * line and puts blank lines everywhere, so blank lines alone mean little: a passage starts at a numbered point
 * or a bullet, after two blank lines, or where a sentence ended and a capitalised line begins, and is cut at a
 * sentence end once it grows long. Every line belongs to exactly one passage, so that every line has an anchor.
 */
public final class PassageSplitter {

    /** Changes whenever the cutting rules change, so that stored passages are cut again. */
    static final int VERSION = 2;
    static final int SOFT_LIMIT = 900;
    static final int SHORT_LINE = 60;
    static final int HARD_LIMIT = 2400;

    private static final Pattern NUMBERED = Pattern.compile("^\\s*(\\d{1,2}[.)]|[a-z][.)]|[ivx]+[.)])\\s+\\S.*");
    private static final Pattern BULLET = Pattern.compile("^\\s*([-–•▪■●*]|n\\s)\\s*\\S.*");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^\\s*\\d{1,3}\\s*$");
    private static final Pattern HEADING = Pattern.compile("^\\s*(#+\\s|[A-ZÉÈÀÂÎÔÛÇ0-9][A-ZÉÈÀÂÎÔÛÇ0-9 '’,;:()\\-–]{6,}$).*");

    private PassageSplitter() {
    }

    public record Passage(int fromLine, int toLine, String text) {
    }

    public static List<Passage> split(List<String> lines) {
        List<Passage> passages = new ArrayList<>();
        int start = 1;
        StringBuilder text = new StringBuilder();
        String previous = null;
        int blankRun = 0;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                blankRun++;
                continue;
            }
            if (PAGE_NUMBER.matcher(line).matches()) {
                continue;
            }
            boolean sentenceEnded = previous != null && endsSentence(previous);
            // A short line standing alone (a blank line after it) is a heading: "2. Recommandations spécifiques 2018-2019".
            boolean afterHeading = previous != null && blankRun >= 1 && previous.length() < SHORT_LINE
                    && !endsClause(previous) && startsCapital(line);
            boolean newBlock = text.length() > 0 && (NUMBERED.matcher(line).matches()
                    || BULLET.matcher(line).matches()
                    || HEADING.matcher(line).matches()
                    || (previous != null && HEADING.matcher(previous).matches())
                    || blankRun >= 2
                    || afterHeading
                    || (sentenceEnded && startsCapital(line))
                    || (sentenceEnded && text.length() > SOFT_LIMIT)
                    || text.length() > HARD_LIMIT);
            if (newBlock) {
                passages.add(new Passage(start, number - 1, text.toString()));
                text.setLength(0);
                start = number;
            }
            append(text, line);
            previous = line;
            blankRun = 0;
        }
        if (text.length() > 0) {
            passages.add(new Passage(start, lines.size(), text.toString()));
        }
        else if (!passages.isEmpty() && passages.getLast().toLine() < lines.size()) {
            Passage last = passages.removeLast();
            passages.add(new Passage(last.fromLine(), lines.size(), last.text()));
        }
        return passages;
    }

    private static void append(StringBuilder text, String line) {
        if (text.length() > 0) {
            char last = text.charAt(text.length() - 1);
            // A word cut at the end of a line ("régula-" / "risation") or a compound ("non-" / "discrimination").
            if (last != '-') {
                text.append(' ');
            }
        }
        text.append(line.replaceAll("\\s+", " "));
    }

    private static boolean endsSentence(String line) {
        char c = line.charAt(line.length() - 1);
        return c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '»' || c == '"';
    }

    private static boolean endsClause(String line) {
        char c = line.charAt(line.length() - 1);
        return endsSentence(line) || c == ',' || c == '-' || c == '(';
    }

    private static boolean startsCapital(String line) {
        int cp = line.codePointAt(0);
        return Character.isUpperCase(cp) || Character.isDigit(cp);
    }
}
