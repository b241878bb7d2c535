package dev.interfeedback.dataset.mmmupro;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interfeedback.dataset.DatasetException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ParquetDriverTest {

    @Test
    void aMissingDriverNamesTheArtifactAndItsTestedVersion() {
        assertThatThrownBy(() -> ParquetDriver.require(Path.of("mmmu-pro/test.parquet"), "org.duckdb.NoSuchDriver"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("test.parquet")
                .hasMessageContaining("add the test dependency org.duckdb:duckdb_jdbc:")
                .hasMessageMatching("(?s).*duckdb_jdbc:\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void thePresentDriverPasses() {
        assertThatCode(() -> ParquetDriver.require(Path.of("x.parquet"), ParquetDriver.DRIVER_CLASS)).doesNotThrowAnyException();
    }
}
