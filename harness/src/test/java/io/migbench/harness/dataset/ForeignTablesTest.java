package io.migbench.harness.dataset;

import io.migbench.engine.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A generator never replaces a table it did not load: a same-named table without the marker stops the load. */
class ForeignTablesTest {
    @Test
    void aTableOfADatasetNameWithoutTheMarkerIsRefusedByNameAndKept() throws Exception {
        String url = TestPostgres.newDatabase("foreign_users");
        Dataset so = DatasetCatalog.byName("stackoverflow");
        try (Connection c = TestPostgres.connect(url); Statement st = c.createStatement()) {
            ForeignTables.refuse(c, so);   // an empty database: nothing to protect
            st.execute("CREATE TABLE users (id int PRIMARY KEY, name text)");
            st.execute("INSERT INTO users VALUES (1, 'mine')");
            assertThatThrownBy(() -> ForeignTables.refuse(c, so)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the source already has a table users that migbench did not load");
            st.execute("COMMENT ON TABLE users IS 'the customers'");
            assertThatThrownBy(() -> ForeignTables.refuse(c, so)).as("someone else's comment is no marker")
                    .hasMessageContaining("table users");
            st.execute("COMMENT ON TABLE users IS '" + so.marker(0.5, 1) + "'");
            ForeignTables.refuse(c, so);   // a finished migbench load of any scale may be replaced
            try (ResultSet rs = st.executeQuery("SELECT name FROM users")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as("the user's row is still there").isEqualTo("mine");
            }
        }
    }
}
