package dev.interfeedback.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.MockResponse;

/** OpenAI-style chat completion responses, for MockWebServer dispatchers that script answers. */
public final class ChatCompletions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatCompletions() {}

    /** A 200 answer whose message is {@code content}, with a few tokens of usage. */
    public static MockResponse completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-scripted").put("object", "chat.completion");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 3).put("completion_tokens", 1).put("total_tokens", 4);
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }
}
