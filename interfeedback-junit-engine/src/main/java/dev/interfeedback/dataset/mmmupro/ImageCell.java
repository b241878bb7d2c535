package dev.interfeedback.dataset.mmmupro;

/**
 * One image column of one row, as Hugging Face stores images: the encoded bytes, a path, or both.
 * In the published parquet files {@code bytes} is set; in the JSONL form only {@code path}.
 */
record ImageCell(byte[] bytes, String path) {

    boolean hasBytes() {
        return bytes != null && bytes.length > 0;
    }

    boolean isEmpty() {
        return !hasBytes() && (path == null || path.isBlank());
    }
}
