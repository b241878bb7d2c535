package dev.interfeedback.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests and messages hold unmodifiable copies of one class whatever their size. */
class ChatRequestTest {

    private static final CallContext CONTEXT = new CallContext("s1", "A", List.of(), CallContext.Purpose.ANSWER, 0, null);

    @Test
    void messagesAndPartsAreOneKindOfListFromOneElementToMany() {
        Message one = Message.user("q");
        Message three = Message.user(List.of(Content.text("a"), Content.text("b"), Content.text("c")));
        ChatRequest shortRequest = new ChatRequest(List.of(one), CONTEXT);
        ChatRequest longRequest = new ChatRequest(List.of(one, Message.assistant("A"), one, Message.assistant("B"), three), CONTEXT);

        assertThat(shortRequest.messages().getClass()).isEqualTo(longRequest.messages().getClass());
        assertThat(one.parts().getClass()).isEqualTo(three.parts().getClass());
        assertThat(longRequest.messages()).hasSize(5).isEqualTo(List.of(one, Message.assistant("A"), one, Message.assistant("B"), three));
    }

    @Test
    void theCopiesAreUnmodifiableIndependentOfTheirSourceAndRefuseNulls() {
        List<Message> source = new ArrayList<>(List.of(Message.user("q")));
        ChatRequest request = new ChatRequest(source, CONTEXT);
        source.add(Message.user("later"));

        assertThat(request.messages()).hasSize(1);
        assertThatThrownBy(() -> request.messages().add(Message.user("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new ChatRequest(Arrays.asList(Message.user("q"), null), CONTEXT))
                .isInstanceOf(NullPointerException.class);
    }
}
