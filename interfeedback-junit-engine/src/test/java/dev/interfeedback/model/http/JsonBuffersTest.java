package dev.interfeedback.model.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import org.junit.jupiter.api.Test;

/**
 * Every call writes its request and reads its answer on its own worker thread; with Jackson's
 * default pool each of thousands of such threads would keep its own buffers after its first call.
 */
class JsonBuffersTest {

    @Test
    void requestsAndAnswersTakeTheirBuffersFromOnePoolSharedByAllThreads() {
        assertThat(JsonBody.FACTORY._getRecyclerPool()).isSameAs(JsonRecyclerPools.sharedConcurrentDequePool());
        assertThat(HttpChatModel.MAPPER.getFactory()._getRecyclerPool()).isSameAs(JsonRecyclerPools.sharedConcurrentDequePool());
    }
}
