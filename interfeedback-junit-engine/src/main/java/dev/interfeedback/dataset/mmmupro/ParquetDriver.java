package dev.interfeedback.dataset.mmmupro;

import dev.interfeedback.dataset.DatasetException;
import dev.interfeedback.dataset.DatasetProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * DuckDB's JDBC driver is an optional dependency: a project that reads parquet adds it. Without
 * it, reading parquet says which artifact to add instead of JDBC's "no suitable driver".
 */
final class ParquetDriver {

    static final String DRIVER_CLASS = "org.duckdb.DuckDBDriver";

    private ParquetDriver() {}

    static void require(Path file, String driverClass) {
        try {
            Class.forName(driverClass, true, ParquetDriver.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new DatasetException(new DatasetProblem(file, 0, 0, null,
                    "reading parquet needs DuckDB's JDBC driver on the class path: add the test dependency"
                            + " org.duckdb:duckdb_jdbc:" + testedVersion()), e);
        }
    }

    private static String testedVersion() {
        Properties versions = new Properties();
        try (InputStream in = ParquetDriver.class.getResourceAsStream("versions.properties")) {
            if (in != null) versions.load(in);
        } catch (IOException e) {
            // only the message loses the version
        }
        return versions.getProperty("duckdb", "<version>");
    }
}
