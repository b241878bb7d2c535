package dev.interfeedback.dataset.mmmupro;

import java.nio.file.Path;
import java.util.Set;

/** Receives the rows of one file from a row source, after the file's columns. */
interface RowVisitor {

    /** The file's columns, before its first row; a source that cannot tell (JSONL) does not call it. */
    void columns(Path file, Set<String> columns);

    /** One row; returns false to stop reading (too many problems already). */
    boolean row(RawRow row);

    /** A row that could not even be split into columns (malformed JSON); returns false to stop. */
    boolean unreadable(Path file, int number, String message);
}
