package dev.interfeedback.maven.xml;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes XML straight to a {@link Writer}, escaping as JUnit's XML writers do (the JDK's StAX
 * writer behind a filter): in attribute values {@code & < > "} and, as character references, tab,
 * line feed and carriage return; in text {@code & < >}; characters XML cannot hold become U+FFFD.
 * An element is written empty-tag ({@code <a/>}) only when asked, as JUnit's Open Test Reporting
 * never does and its JUnit XML does for some, so the files are equal to JUnit's byte for byte. No
 * namespace bookkeeping: the caller writes prefixed names.
 *
 * <p>Not a StAX {@code XMLStreamWriter}: it would escape the {@code &} of {@code &#10;}, and JUnit
 * gets those references by switching a filter on around each attribute, with a flush before and
 * after (for JUnit XML, two writes to the file per attribute). Written by hand it is also a little
 * cheaper (about 10% on a benchmark's events).
 */
public final class XmlWriter {

    private static final String REPLACEMENT = "\uFFFD";
    private static final String CDATA_START = "<![CDATA[";
    private static final String CDATA_END = "]]>";

    private final Writer out;
    private boolean startTagOpen;
    private boolean emptyTag;

    public XmlWriter(Writer out) {
        this.out = out;
    }

    public XmlWriter start(String name) throws IOException {
        closeStartTag();
        out.write('<');
        out.write(name);
        startTagOpen = true;
        return this;
    }

    /** An element without content, {@code <name .../>}: attributes may follow, then anything but its end. */
    public XmlWriter empty(String name) throws IOException {
        start(name);
        emptyTag = true;
        return this;
    }

    /**
     * Only right after {@link #start} or {@link #empty}, in the order the file should show them
     * (JUnit's Open Test Reporting writes them sorted by name). A null value (a system property a
     * container does not set) leaves the attribute out.
     */
    public XmlWriter attribute(String name, String value) throws IOException {
        if (value == null) return this;
        out.write(' ');
        out.write(name);
        out.write("=\"");
        escape(value, true);
        out.write('"');
        return this;
    }

    /** A null value writes no text, as an element without content. */
    public XmlWriter text(String value) throws IOException {
        closeStartTag();
        if (value != null) escape(value, false);
        return this;
    }

    /**
     * A CDATA section; where the text holds {@code ]]>} the section ends between {@code ]]} and
     * {@code >} and a new one starts, as JUnit splits it, so a stack trace reads back unchanged.
     */
    public XmlWriter cdata(String value) throws IOException {
        closeStartTag();
        out.write(CDATA_START);
        int from = 0;
        for (int end = value.indexOf(CDATA_END); end >= 0; end = value.indexOf(CDATA_END, end + 1)) {
            replaceIllegal(value, from, end + 2);
            out.write(CDATA_END);
            out.write(CDATA_START);
            from = end + 2;
        }
        replaceIllegal(value, from, value.length());
        out.write(CDATA_END);
        return this;
    }

    public XmlWriter end(String name) throws IOException {
        closeStartTag();
        out.write("</");
        out.write(name);
        out.write('>');
        return this;
    }

    /** A whole element with text content and no attributes: {@code <name>text</name>}. */
    public XmlWriter element(String name, String text) throws IOException {
        return start(name).text(text).end(name);
    }

    private void closeStartTag() throws IOException {
        if (startTagOpen) {
            out.write(emptyTag ? "/>" : ">");
            startTagOpen = false;
            emptyTag = false;
        }
    }

    /** Writes runs of plain characters in one call each; most values have nothing to escape. */
    private void escape(String value, boolean attribute) throws IOException {
        int length = value.length();
        int run = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            String escaped;
            if (c < 0x20) {
                escaped = switch (c) {
                    case '\t' -> attribute ? "&#9;" : null;
                    case '\n' -> attribute ? "&#10;" : null;
                    case '\r' -> attribute ? "&#13;" : null;
                    default -> REPLACEMENT;
                };
            } else if (c == '&') {
                escaped = "&amp;";
            } else if (c == '<') {
                escaped = "&lt;";
            } else if (c == '>') {
                escaped = "&gt;";
            } else if (c == '"') {
                escaped = attribute ? "&quot;" : null;
            } else if (c >= 0xD800) {
                int next = legalUpTo(value, i);
                if (next > i) {
                    i = next - 1;
                    escaped = null;
                } else {
                    escaped = REPLACEMENT;
                }
            } else {
                escaped = null;
            }
            if (escaped != null) {
                out.write(value, run, i - run);
                out.write(escaped);
                run = i + 1;
            }
        }
        out.write(value, run, length - run);
    }

    /** CDATA content: nothing is escaped, characters XML cannot hold become U+FFFD. */
    private void replaceIllegal(String value, int from, int to) throws IOException {
        int run = from;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            boolean legal;
            if (c < 0x20) {
                legal = c == '\t' || c == '\n' || c == '\r';
            } else if (c >= 0xD800) {
                int next = legalUpTo(value, i);
                legal = next > i;
                if (legal) i = next - 1;
            } else {
                legal = true;
            }
            if (!legal) {
                out.write(value, run, i - run);
                out.write(REPLACEMENT);
                run = i + 1;
            }
        }
        out.write(value, run, to - run);
    }

    /**
     * For a character at or above U+D800 at {@code i}: the index after it when XML can hold it (a
     * complete surrogate pair counts as one character), or {@code i} when it cannot (a lone
     * surrogate, U+FFFE, U+FFFF), as JUnit judges code points.
     */
    private static int legalUpTo(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)) ? i + 2 : i;
        }
        if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') return i;
        return i + 1;
    }
}
